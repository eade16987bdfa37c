using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>One extra encoding of the key and chain written beside tls.crt/tls.key (see <see cref="AdditionalOutputFormats"/>).</summary>
public sealed class CertificateAdditionalOutputFormat
{
    /// <summary><see cref="AdditionalOutputFormats.Der"/> or <see cref="AdditionalOutputFormats.CombinedPem"/>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";
}
