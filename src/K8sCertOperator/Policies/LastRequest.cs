using K8sCertOperator.Pki;

namespace K8sCertOperator.Policies;

/// <summary>What the CertificateRequest of the current revision asked for: its verified CSR, usages and CA flag.</summary>
public sealed record LastRequest(ParsedCertificateRequest Csr, IReadOnlyList<string> Usages, bool IsCA);
