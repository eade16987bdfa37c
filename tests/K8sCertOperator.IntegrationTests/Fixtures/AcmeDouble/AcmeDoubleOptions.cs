namespace K8sCertOperator.IntegrationTests.Fixtures.AcmeDouble;

/// <summary>What the in-process ACME server offers.</summary>
internal sealed record AcmeDoubleOptions
{
    /// <summary>Profiles in the directory's <c>meta.profiles</c>, with the validity each gives.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Profiles { get; init; } = new Dictionary<string, TimeSpan>
    {
        ["classic"] = TimeSpan.FromDays(90),
        ["shortlived"] = TimeSpan.FromHours(160),
    };

    /// <summary>Profile of orders that name none.</summary>
    public string DefaultProfile { get; init; } = "classic";

    /// <summary>Challenge types offered for every DNS identifier, in this order.</summary>
    public IReadOnlyList<string> ChallengeTypes { get; init; } = ["dns-01", "dns-account-01", "dns-persist-01"];

    /// <summary>The dns-persist-01 challenge's <c>issuer-domain-names</c>.</summary>
    public IReadOnlyList<string> IssuerDomainNames { get; init; } = ["acme-double.test", "ca.example.net"];

    /// <summary>Hand out an account's valid authorization again instead of a new one (Boulder and Pebble do by default).</summary>
    public bool ReuseValidAuthorizations { get; init; }
}
