using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.GatewayApi;

/// <summary>The parts of an HTTPRoute spec the solver uses: where it attaches, for which hosts, and its rules.</summary>
public sealed class HttpRouteSpec
{
    [JsonPropertyName("parentRefs")]
    public List<ParentReference>? ParentRefs { get; set; }

    /// <summary>Host names the route matches; absent matches every host of the listener.</summary>
    [JsonPropertyName("hostnames")]
    public List<string>? Hostnames { get; set; }

    [JsonPropertyName("rules")]
    public List<HttpRouteRule>? Rules { get; set; }
}
