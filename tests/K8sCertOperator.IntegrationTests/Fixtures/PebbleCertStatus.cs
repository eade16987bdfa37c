using System.Text.Json.Serialization;

namespace K8sCertOperator.IntegrationTests.Fixtures;

/// <summary>Pebble management answer of /cert-status-by-serial/&lt;hex&gt;.</summary>
public sealed record PebbleCertStatus
{
    [JsonPropertyName("Status")]
    public string Status { get; init; } = string.Empty;

    [JsonPropertyName("Serial")]
    public string Serial { get; init; } = string.Empty;

    [JsonPropertyName("Reason")]
    public int? Reason { get; init; }

    /// <summary>Go's RFC 3339 text with nanoseconds, which System.Text.Json's DateTimeOffset rejects.</summary>
    [JsonPropertyName("RevokedAt")]
    public string? RevokedAt { get; init; }

    [JsonPropertyName("Certificate")]
    public string? Certificate { get; init; }
}
