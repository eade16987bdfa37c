using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>Observed state of a CertificateRequest; written only through the status subresource.</summary>
public sealed class CertificateRequestStatus
{
    /// <summary>Keyed by type: Approved, Denied, Ready, InvalidRequest.</summary>
    [JsonPropertyName("conditions")]
    public List<Condition>? Conditions { get; set; }

    /// <summary>The signed chain, PEM, leaf first.</summary>
    [JsonPropertyName("certificate")]
    public byte[]? Certificate { get; set; }

    /// <summary>The issuer's CA certificate, PEM, when known.</summary>
    [JsonPropertyName("ca")]
    public byte[]? Ca { get; set; }

    /// <summary>Set once when the request failed for good.</summary>
    [JsonPropertyName("failureTime")]
    [JsonConverter(typeof(MetaTimeConverter))]
    public DateTime? FailureTime { get; set; }
}
