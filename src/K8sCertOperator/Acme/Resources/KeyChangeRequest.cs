using System.Text.Json.Serialization;
using K8sCertOperator.Acme.Jws;

namespace K8sCertOperator.Acme.Resources;

/// <summary>Payload of the inner keyChange JWS (RFC 8555 §7.3.5).</summary>
internal sealed record KeyChangeRequest
{
    [JsonPropertyName("account")]
    public string Account { get; init; } = string.Empty;

    [JsonPropertyName("oldKey")]
    public Jwk OldKey { get; init; } = new();
}
