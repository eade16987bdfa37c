using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.GatewayApi;

/// <summary>One HTTPRoute rule: requests matching any of <see cref="Matches"/> go to <see cref="BackendRefs"/>.</summary>
public sealed class HttpRouteRule
{
    [JsonPropertyName("matches")]
    public List<HttpRouteMatch>? Matches { get; set; }

    [JsonPropertyName("backendRefs")]
    public List<HttpBackendRef>? BackendRefs { get; set; }
}
