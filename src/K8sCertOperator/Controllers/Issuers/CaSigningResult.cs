using K8sCertOperator.Controllers.Certificates;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>What signing with a CA issuer's Secret gave: the issued chain and ca.crt, or why it failed.</summary>
public sealed record CaSigningResult(IssuedMaterial? Issued, string? Failure);
