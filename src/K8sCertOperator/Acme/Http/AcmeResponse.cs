using System.Net;

namespace K8sCertOperator.Acme.Http;

/// <summary>What the ACME client needs from one successful HTTP response.</summary>
public sealed record AcmeResponse
{
    public required Uri RequestUri { get; init; }

    public required HttpStatusCode StatusCode { get; init; }

    public Uri? Location { get; init; }

    public string? ContentType { get; init; }

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The Replay-Nonce header, if any.</summary>
    public string? ReplayNonce { get; init; }

    /// <summary>Raw Link header values.</summary>
    public IReadOnlyList<string> Links { get; init; } = [];

    public byte[] Body { get; init; } = [];

    /// <summary>Link targets with the given rel, e.g. "alternate" certificate chains or "up".</summary>
    public IReadOnlyList<Uri> LinksWithRelation(string relation) =>
        LinkHeaderParser.Find(Links, relation, RequestUri);
}
