using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>External account binding (RFC 8555 §7.3.4): the CA's key id and HMAC key.</summary>
public sealed class AcmeExternalAccountBinding
{
    [JsonPropertyName("keyID")]
    public string KeyId { get; set; } = "";

    /// <summary>Secret holding the base64url-encoded HMAC key.</summary>
    [JsonPropertyName("keySecretRef")]
    public SecretKeySelector KeySecretRef { get; set; } = new();

    /// <summary>HS256, HS384 or HS512; HS256 when absent.</summary>
    [JsonPropertyName("keyAlgorithm")]
    public string? KeyAlgorithm { get; set; }
}
