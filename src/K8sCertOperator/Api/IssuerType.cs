namespace K8sCertOperator.Api;

/// <summary>Which kind of certificate authority an issuer spec configures.</summary>
public enum IssuerType
{
    /// <summary>None, or more than one, of acme/ca/selfSigned is set.</summary>
    Invalid,
    Acme,
    Ca,
    SelfSigned,

    /// <summary>An issuer of another API group: its own controller signs the CertificateRequest.</summary>
    External,
}
