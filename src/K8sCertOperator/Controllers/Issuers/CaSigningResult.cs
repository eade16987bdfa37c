using K8sCertOperator.Controllers.Certificates;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>
/// What signing with a CA issuer's Secret gave: the issued chain and ca.crt, or why it failed. A failure is
/// <see cref="Retryable"/> when the Secret is missing or incomplete (it may be created or fixed); a CA that cannot
/// sign what was asked fails the request.
/// </summary>
public sealed record CaSigningResult(IssuedMaterial? Issued, string? Failure)
{
    public bool Retryable { get; init; }
}
