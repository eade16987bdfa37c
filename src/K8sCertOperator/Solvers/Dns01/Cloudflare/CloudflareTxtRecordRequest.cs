using System.Text.Json.Serialization;

namespace K8sCertOperator.Solvers.Dns01.Cloudflare;

/// <summary>Body of <c>POST zones/{zone}/dns_records</c> creating a TXT record (Cloudflare API v4).</summary>
internal sealed record CloudflareTxtRecordRequest(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("content")] string Content,
    [property: JsonPropertyName("ttl")] int Ttl)
{
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-1)]
    public string Type => "TXT";
}
