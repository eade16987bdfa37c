using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.GatewayApi;

/// <summary>An HTTPRoute match; only the path matcher is used.</summary>
public sealed class HttpRouteMatch
{
    [JsonPropertyName("path")]
    public HttpPathMatch? Path { get; set; }
}
