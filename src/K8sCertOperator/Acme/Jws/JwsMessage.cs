using System.Text.Json.Serialization;

namespace K8sCertOperator.Acme.Jws;

/// <summary>A flattened JWS JSON serialization (RFC 7515 §7.2.2), all members base64url.</summary>
public sealed record JwsMessage(
    [property: JsonPropertyName("protected")] string Protected,
    [property: JsonPropertyName("payload")] string Payload,
    [property: JsonPropertyName("signature")] string Signature);
