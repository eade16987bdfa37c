namespace K8sCertOperator.Api;

/// <summary>Condition types written on Certificates, CertificateRequests and issuers.</summary>
public static class ConditionTypes
{
    /// <summary>Certificate: the Secret holds a valid, up-to-date certificate. Issuer: usable for issuance.</summary>
    public const string Ready = "Ready";

    /// <summary>Certificate: a new certificate is being requested; absent or False otherwise.</summary>
    public const string Issuing = "Issuing";

    /// <summary>Certificate: the certificate in the Secret was revoked (`revoke NAME`); removed once a new one is issued.</summary>
    public const string Revoked = "Revoked";

    /// <summary>CertificateRequest: an approver (or `approve NAME`) allowed it to be signed.</summary>
    public const string Approved = "Approved";

    /// <summary>CertificateRequest: an approver (or `deny NAME`) refused it; terminal.</summary>
    public const string Denied = "Denied";

    /// <summary>CertificateRequest: the request cannot be signed as written (bad CSR, bad fields); terminal.</summary>
    public const string InvalidRequest = "InvalidRequest";
}
