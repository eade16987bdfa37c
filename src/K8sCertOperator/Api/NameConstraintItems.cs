using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>The names on one side (permitted or excluded) of spec.nameConstraints.</summary>
public sealed class NameConstraintItems
{
    [JsonPropertyName("dnsDomains")]
    public List<string>? DnsDomains { get; set; }

    /// <summary>CIDR ranges, e.g. 10.0.0.0/8.</summary>
    [JsonPropertyName("ipRanges")]
    public List<string>? IpRanges { get; set; }

    [JsonPropertyName("emailAddresses")]
    public List<string>? EmailAddresses { get; set; }

    [JsonPropertyName("uriDomains")]
    public List<string>? UriDomains { get; set; }
}
