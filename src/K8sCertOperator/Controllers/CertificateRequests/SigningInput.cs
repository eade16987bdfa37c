using K8sCertOperator.Pki;

namespace K8sCertOperator.Controllers.CertificateRequests;

/// <summary>A CertificateRequest that passed validation: its verified CSR, the certificate it asks for, and for how long.</summary>
public sealed record SigningInput(ParsedCertificateRequest Csr, CertificateTemplate Template, TimeSpan Duration);
