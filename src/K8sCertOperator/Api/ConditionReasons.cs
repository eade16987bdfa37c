namespace K8sCertOperator.Api;

/// <summary>CamelCase reasons used on conditions and events; names follow cert-manager where it has one.</summary>
public static class ConditionReasons
{
    // Certificate Ready / re-issue trigger reasons.
    public const string Ready = "Ready";
    public const string DoesNotExist = "DoesNotExist";
    public const string MissingData = "MissingData";
    public const string InvalidKeyPair = "InvalidKeyPair";
    public const string InvalidCertificate = "InvalidCertificate";
    public const string Expired = "Expired";
    public const string Renewing = "Renewing";
    public const string SecretMismatch = "SecretMismatch";
    public const string IncorrectIssuer = "IncorrectIssuer";
    public const string IncorrectCertificate = "IncorrectCertificate";
    public const string RequestChanged = "RequestChanged";
    public const string ManuallyTriggered = "ManuallyTriggered";

    // Issuing outcome.
    public const string Issuing = "Issuing";
    public const string Issued = "Issued";

    /// <summary>Event after an issuance: when the new certificate will be renewed.</summary>
    public const string Pending = "Pending";
    public const string Failed = "Failed";
    public const string IssuerNotFound = "IssuerNotFound";
    public const string IssuerNotReady = "IssuerNotReady";

    // Revocation.
    public const string Revoked = "Revoked";
    public const string RevocationFailed = "RevocationFailed";

    // Issuer readiness.
    public const string AcmeAccountRegistered = "ACMEAccountRegistered";
    public const string ErrRegisterAcmeAccount = "ErrRegisterACMEAccount";
    public const string ErrInitIssuer = "ErrInitIssuer";

    /// <summary>A namespaced Issuer asks for an ACME server or TLS setting the operator's outbound policy refuses.</summary>
    public const string ServerNotAllowed = "ServerNotAllowed";
    public const string KeyPairVerified = "KeyPairVerified";
    public const string ErrGetKeyPair = "ErrGetKeyPair";
    public const string ErrInvalidKeyPair = "ErrInvalidKeyPair";
    public const string IsReady = "IsReady";
}
