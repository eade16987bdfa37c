namespace K8sCertOperator.Api;

/// <summary>Values of spec.additionalOutputFormats[].type (cert-manager's names).</summary>
public static class AdditionalOutputFormats
{
    /// <summary>key.der: the private key as DER (the encoding of spec.privateKey.encoding).</summary>
    public const string Der = "DER";

    /// <summary>tls-combined.pem: the private key PEM followed by the leaf and chain PEM.</summary>
    public const string CombinedPem = "CombinedPEM";
}
