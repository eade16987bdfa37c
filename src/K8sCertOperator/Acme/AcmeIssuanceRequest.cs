using K8sCertOperator.Acme.Resources;

namespace K8sCertOperator.Acme;

/// <summary>What to issue: identifiers, the CSR (its names must equal the identifiers) and order options.</summary>
public sealed record AcmeIssuanceRequest
{
    public required IReadOnlyList<AcmeIdentifier> Identifiers { get; init; }

    /// <summary>DER-encoded PKCS#10 request.</summary>
    public required byte[] CsrDer { get; init; }

    /// <summary>Issuer CN of the preferred chain's top certificate (cert-manager's preferredChain).</summary>
    public string? PreferredChain { get; init; }

    public DateTimeOffset? NotBefore { get; init; }

    public DateTimeOffset? NotAfter { get; init; }

    /// <summary>ARI CertID of the certificate being renewed.</summary>
    public string? Replaces { get; init; }

    public string? Profile { get; init; }

    /// <summary>Restricts and orders challenge types; null uses the responder's own preference.</summary>
    public IReadOnlyList<string>? ChallengeTypes { get; init; }

    public TimeSpan AuthorizationTimeout { get; init; } = TimeSpan.FromMinutes(2);

    public TimeSpan OrderTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
