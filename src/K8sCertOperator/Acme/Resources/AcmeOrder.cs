using System.Text.Json.Serialization;

namespace K8sCertOperator.Acme.Resources;

/// <summary>An order object (RFC 8555 §7.1.3); <see cref="Location"/> is the order URL.</summary>
public sealed record AcmeOrder
{
    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    [JsonPropertyName("expires")]
    public DateTimeOffset? Expires { get; init; }

    [JsonPropertyName("identifiers")]
    public IReadOnlyList<AcmeIdentifier> Identifiers { get; init; } = [];

    [JsonPropertyName("notBefore")]
    public DateTimeOffset? NotBefore { get; init; }

    [JsonPropertyName("notAfter")]
    public DateTimeOffset? NotAfter { get; init; }

    [JsonPropertyName("error")]
    public AcmeProblem? Error { get; init; }

    [JsonPropertyName("authorizations")]
    public IReadOnlyList<Uri> Authorizations { get; init; } = [];

    [JsonPropertyName("finalize")]
    public Uri? Finalize { get; init; }

    [JsonPropertyName("certificate")]
    public Uri? Certificate { get; init; }

    [JsonPropertyName("replaces")]
    public string? Replaces { get; init; }

    [JsonPropertyName("profile")]
    public string? Profile { get; init; }

    /// <summary>The order URL from the Location header (or the URL it was fetched from).</summary>
    [JsonIgnore]
    public Uri? Location { get; init; }

    /// <summary>Retry-After the server sent with this representation, if any.</summary>
    [JsonIgnore]
    public TimeSpan? RetryAfter { get; init; }
}
