using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.GatewayApi;

/// <summary>HTTPRoute path matcher: <c>Exact</c>, <c>PathPrefix</c> (the default) or <c>RegularExpression</c>.</summary>
public sealed class HttpPathMatch
{
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("value")]
    public string? Value { get; set; }
}
