using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.GatewayApi;

/// <summary>A ListenerSet's parent Gateway and listeners.</summary>
public sealed class ListenerSetSpec
{
    [JsonPropertyName("parentRef")]
    public ParentGatewayReference? ParentRef { get; set; }

    [JsonPropertyName("listeners")]
    public List<GatewayListener>? Listeners { get; set; }
}
