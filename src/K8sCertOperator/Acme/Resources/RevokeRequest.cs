using System.Text.Json.Serialization;

namespace K8sCertOperator.Acme.Resources;

/// <summary>Payload of a revokeCert request (RFC 8555 §7.6).</summary>
internal sealed record RevokeRequest
{
    [JsonPropertyName("certificate")]
    public string Certificate { get; init; } = string.Empty;

    [JsonPropertyName("reason")]
    public int? Reason { get; init; }
}
