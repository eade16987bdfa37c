using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>Cloudflare DNS provider: an API token, or a global API key with its account email.</summary>
public sealed class AcmeIssuerDnsCloudflare
{
    /// <summary>Account email; needed only with <see cref="ApiKeySecretRef"/>.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; set; }

    [JsonPropertyName("apiTokenSecretRef")]
    public SecretKeySelector? ApiTokenSecretRef { get; set; }

    [JsonPropertyName("apiKeySecretRef")]
    public SecretKeySelector? ApiKeySecretRef { get; set; }
}
