using System.Text.Json.Serialization;

namespace K8sCertOperator.Acme.Resources;

/// <summary>An authorization object (RFC 8555 §7.1.4).</summary>
public sealed record AcmeAuthorization
{
    [JsonPropertyName("identifier")]
    public AcmeIdentifier Identifier { get; init; } = AcmeIdentifier.Dns("invalid");

    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    [JsonPropertyName("expires")]
    public DateTimeOffset? Expires { get; init; }

    [JsonPropertyName("challenges")]
    public IReadOnlyList<AcmeChallenge> Challenges { get; init; } = [];

    /// <summary>True for the authorization of a "*.name" order identifier; Identifier then lacks the "*.".</summary>
    [JsonPropertyName("wildcard")]
    public bool Wildcard { get; init; }

    [JsonIgnore]
    public Uri? Location { get; init; }

    [JsonIgnore]
    public TimeSpan? RetryAfter { get; init; }
}
