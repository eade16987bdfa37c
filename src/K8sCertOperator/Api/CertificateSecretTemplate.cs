using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>Labels and annotations copied onto the certificate Secret.</summary>
public sealed class CertificateSecretTemplate
{
    [JsonPropertyName("labels")]
    public Dictionary<string, string>? Labels { get; set; }

    [JsonPropertyName("annotations")]
    public Dictionary<string, string>? Annotations { get; set; }
}
