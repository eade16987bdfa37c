namespace K8sCertOperator.Controllers.Certificates;

/// <summary>Condition/event reasons and label keys only the Certificate controller uses.</summary>
public static class CertificateReasons
{
    /// <summary>Another Certificate owns (or has priority on) the target Secret.</summary>
    public const string SecretConflict = "SecretConflict";

    /// <summary>The target Secret was not made by the operator and holds other data: it is not overwritten.</summary>
    public const string SecretNotOwned = "SecretNotOwned";

    /// <summary>Event: an empty or kubernetes.io/tls Secret not made by the operator is taken over.</summary>
    public const string SecretAdopted = "SecretAdopted";

    /// <summary>Wildcard names requested from an ACME issuer that can only solve HTTP-01.</summary>
    public const string WildcardRequiresDns01 = "WildcardRequiresDns01";

    /// <summary>The issuer referenced cannot sign (unknown type, unreadable CA Secret).</summary>
    public const string IssuerMisconfigured = "IssuerMisconfigured";

    /// <summary>Label on the temporary Secret that holds the key of an issuance in progress.</summary>
    public const string NextPrivateKeyLabel = "k8scert.io/next-private-key";

    /// <summary>A keystore's password Secret (or its key) is missing or empty: the keystores are not written.</summary>
    public const string KeystorePasswordMissing = "KeystorePasswordMissing";

    /// <summary>spec.keystores.pkcs12.profile names an encoding this operator cannot write.</summary>
    public const string KeystoreProfileUnsupported = "KeystoreProfileUnsupported";

    /// <summary>Event: the CertificateRequest for a revision was created.</summary>
    public const string Requested = "Requested";

    /// <summary>Issuing condition: the CertificateRequest has neither Approved nor Denied yet.</summary>
    public const string WaitingForApproval = "WaitingForApproval";
}
