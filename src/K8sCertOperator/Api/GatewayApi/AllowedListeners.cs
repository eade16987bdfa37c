using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.GatewayApi;

/// <summary>A Gateway's spec.allowedListeners: which ListenerSets may attach (none by default).</summary>
public sealed class AllowedListeners
{
    [JsonPropertyName("namespaces")]
    public AllowedListenerNamespaces? Namespaces { get; set; }
}
