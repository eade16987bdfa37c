using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.GatewayApi;

/// <summary>
/// Gateway API <c>ParentReference</c>: the object (usually a Gateway) a route attaches to. Used both in the
/// <c>gatewayHTTPRoute</c> solver and on the temporary HTTPRoute it creates.
/// </summary>
public sealed class ParentReference
{
    /// <summary>Group of the referent; the CRDs default it to <c>gateway.networking.k8s.io</c>.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    /// <summary>Kind of the referent; the CRDs default it to <c>Gateway</c>.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>Namespace of the referent; unset means the route's own namespace.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>A listener name of a Gateway.</summary>
    [JsonPropertyName("sectionName")]
    public string? SectionName { get; set; }

    /// <summary>Attach only to listeners on this port.</summary>
    [JsonPropertyName("port")]
    public int? Port { get; set; }
}
