using System.Text.Json.Serialization;
using K8sCertOperator.Api;

namespace K8sCertOperator.Api.Acme;

/// <summary>Server-side state of the order, mirrored from the ACME server.</summary>
public sealed class OrderStatus
{
    /// <summary>Order URL; set once when the order is created at the server.</summary>
    [JsonPropertyName("url")]
    public string? Url { get; set; }

    [JsonPropertyName("finalizeURL")]
    public string? FinalizeUrl { get; set; }

    /// <summary>PEM chain downloaded after the order became valid (JSON/YAML: base64).</summary>
    [JsonPropertyName("certificate")]
    public byte[]? Certificate { get; set; }

    /// <summary>See <see cref="AcmeStates"/>.</summary>
    [JsonPropertyName("state")]
    public string? State { get; set; }

    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    [JsonPropertyName("authorizations")]
    public List<AcmeAuthorization>? Authorizations { get; set; }

    /// <summary>When the order failed; drives back-off and garbage collection.</summary>
    [JsonPropertyName("failureTime")]
    [JsonConverter(typeof(MetaTimeConverter))]
    public DateTime? FailureTime { get; set; }
}
