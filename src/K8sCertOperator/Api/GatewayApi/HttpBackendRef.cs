using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.GatewayApi;

/// <summary>An HTTPRoute backendRef: a Service (core group) by name, namespace and port.</summary>
public sealed class HttpBackendRef
{
    /// <summary>"" (core) by default.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    /// <summary>Service by default.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>Another namespace than the route's needs a ReferenceGrant there.</summary>
    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    [JsonPropertyName("port")]
    public int? Port { get; set; }

    /// <summary>1 by default.</summary>
    [JsonPropertyName("weight")]
    public int? Weight { get; set; }
}
