using System.Text.Json.Serialization;

namespace K8sCertOperator.Acme.Resources;

/// <summary>Payload of a newOrder request (RFC 8555 §7.4, RFC 9773 §5, profiles draft).</summary>
internal sealed record NewOrderRequest
{
    [JsonPropertyName("identifiers")]
    public IReadOnlyList<AcmeIdentifier> Identifiers { get; init; } = [];

    [JsonPropertyName("notBefore")]
    public string? NotBefore { get; init; }

    [JsonPropertyName("notAfter")]
    public string? NotAfter { get; init; }

    [JsonPropertyName("replaces")]
    public string? Replaces { get; init; }

    [JsonPropertyName("profile")]
    public string? Profile { get; init; }
}
