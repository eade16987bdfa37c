using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Api.GatewayApi;

/// <summary>
/// gateway.networking.k8s.io/v1 ListenerSet (Gateway API v1.6): extra listeners attached to a Gateway. Only the fields
/// the gateway-shim reads; never written back.
/// </summary>
[KubernetesEntity(Group = GatewayApiGroup.Group, ApiVersion = GatewayApiGroup.Version, Kind = GatewayApiGroup.ListenerSetKind, PluralName = GatewayApiGroup.ListenerSetPlural)]
public sealed class ListenerSet : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = GatewayApiGroup.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = GatewayApiGroup.ListenerSetKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public ListenerSetSpec Spec { get; set; } = new();
}
