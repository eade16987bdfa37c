using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>Restricts a solver to Certificates by label, exact DNS name, or DNS zone suffix.</summary>
public sealed class CertificateDnsNameSelector
{
    [JsonPropertyName("matchLabels")]
    public Dictionary<string, string>? MatchLabels { get; set; }

    [JsonPropertyName("dnsNames")]
    public List<string>? DnsNames { get; set; }

    [JsonPropertyName("dnsZones")]
    public List<string>? DnsZones { get; set; }
}
