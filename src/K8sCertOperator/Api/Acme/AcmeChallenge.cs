using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>A challenge offered by the server for an authorization (not the Challenge resource).</summary>
public sealed class AcmeChallenge
{
    [JsonPropertyName("url")]
    public string Url { get; set; } = "";

    [JsonPropertyName("token")]
    public string Token { get; set; } = "";

    /// <summary>Raw ACME type, e.g. "http-01", "dns-01".</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    /// <summary>dns-persist-01 only: the issuer domain names the CA accepts in the record.</summary>
    [JsonPropertyName("issuerDomainNames")]
    public List<string>? IssuerDomainNames { get; set; }
}
