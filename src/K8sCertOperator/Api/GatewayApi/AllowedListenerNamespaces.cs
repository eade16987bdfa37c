using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.GatewayApi;

/// <summary>spec.allowedListeners.namespaces: All, Same, Selector or None (the default).</summary>
public sealed class AllowedListenerNamespaces
{
    [JsonPropertyName("from")]
    public string? From { get; set; }
}
