using System.Text.Json.Serialization;

namespace K8sCertOperator.Acme.Resources;

/// <summary>A challenge object (RFC 8555 §7.1.5 and §8).</summary>
public sealed record AcmeChallenge
{
    public const string Http01 = "http-01";
    public const string Dns01 = "dns-01";
    public const string TlsAlpn01 = "tls-alpn-01";

    [JsonPropertyName("type")]
    public string Type { get; init; } = string.Empty;

    [JsonPropertyName("url")]
    public Uri? Url { get; init; }

    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    [JsonPropertyName("validated")]
    public DateTimeOffset? Validated { get; init; }

    [JsonPropertyName("error")]
    public AcmeProblem? Error { get; init; }

    [JsonPropertyName("token")]
    public string? Token { get; init; }
}
