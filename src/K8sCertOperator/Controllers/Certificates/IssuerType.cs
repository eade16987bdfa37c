namespace K8sCertOperator.Controllers.Certificates;

/// <summary>Which of the issuer configurations an Issuer/ClusterIssuer uses.</summary>
public enum IssuerType
{
    Unknown,
    Acme,
    SelfSigned,
    Ca,
}
