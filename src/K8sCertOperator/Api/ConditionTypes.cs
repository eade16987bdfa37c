namespace K8sCertOperator.Api;

/// <summary>Condition types written on Certificates and issuers.</summary>
public static class ConditionTypes
{
    /// <summary>Certificate: the Secret holds a valid, up-to-date certificate. Issuer: usable for issuance.</summary>
    public const string Ready = "Ready";

    /// <summary>Certificate: a new certificate is being requested; absent or False otherwise.</summary>
    public const string Issuing = "Issuing";

    /// <summary>Certificate: the certificate in the Secret was revoked (`revoke NAME`); removed once a new one is issued.</summary>
    public const string Revoked = "Revoked";
}
