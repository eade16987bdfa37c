using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>What to order: the CSR and the identifiers it contains. Immutable once created.</summary>
public sealed class OrderSpec
{
    /// <summary>DER-encoded CSR used to finalize the order (JSON/YAML: base64).</summary>
    [JsonPropertyName("request")]
    public byte[] Request { get; set; } = [];

    [JsonPropertyName("issuerRef")]
    public ObjectReference IssuerRef { get; set; } = new();

    [JsonPropertyName("commonName")]
    public string? CommonName { get; set; }

    [JsonPropertyName("dnsNames")]
    public List<string>? DnsNames { get; set; }

    [JsonPropertyName("ipAddresses")]
    public List<string>? IpAddresses { get; set; }

    /// <summary>Requested lifetime (Go duration), sent as notAfter when the issuer allows it.</summary>
    [JsonPropertyName("duration")]
    public string? Duration { get; set; }

    /// <summary>ACME profile copied from the issuer at creation time.</summary>
    [JsonPropertyName("profile")]
    public string? Profile { get; set; }
}
