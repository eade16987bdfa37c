using K8sCertOperator.Acme.Resources;

namespace K8sCertOperator.Acme;

/// <summary>The valid order and the certificate chain it produced.</summary>
public sealed record AcmeIssuanceResult(AcmeOrder Order, AcmeCertificateChain Certificate);
