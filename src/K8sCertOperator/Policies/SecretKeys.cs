namespace K8sCertOperator.Policies;

/// <summary>Data keys of a kubernetes.io/tls Secret.</summary>
public static class SecretKeys
{
    public const string TlsCertificate = "tls.crt";
    public const string TlsPrivateKey = "tls.key";
    public const string CaCertificate = "ca.crt";

    // Derived keys (spec.additionalOutputFormats and spec.keystores); cert-manager's names.
    public const string CombinedPem = "tls-combined.pem";
    public const string KeyDer = "key.der";
    public const string Pkcs12Keystore = "keystore.p12";
    public const string Pkcs12Truststore = "truststore.p12";
    public const string JksKeystore = "keystore.jks";
    public const string JksTruststore = "truststore.jks";

    /// <summary>Every derived key: the operator removes any of these the spec no longer asks for.</summary>
    public static readonly IReadOnlyList<string> Derived = [CombinedPem, KeyDer, Pkcs12Keystore, Pkcs12Truststore, JksKeystore, JksTruststore];
}
