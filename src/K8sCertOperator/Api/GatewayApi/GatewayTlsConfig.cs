using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.GatewayApi;

/// <summary>A listener's TLS settings: mode (default Terminate) and the Secrets holding its certificates.</summary>
public sealed class GatewayTlsConfig
{
    [JsonPropertyName("mode")]
    public string? Mode { get; set; }

    [JsonPropertyName("certificateRefs")]
    public List<SecretObjectReference>? CertificateRefs { get; set; }
}
