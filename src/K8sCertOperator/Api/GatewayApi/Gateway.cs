using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Api.GatewayApi;

/// <summary>
/// gateway.networking.k8s.io/v1 Gateway, only the fields the gateway-shim reads. Never written back, so fields the
/// model leaves out are never lost.
/// </summary>
[KubernetesEntity(Group = GatewayApiGroup.Group, ApiVersion = GatewayApiGroup.Version, Kind = GatewayApiGroup.GatewayKind, PluralName = GatewayApiGroup.GatewayPlural)]
public sealed class Gateway : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = GatewayApiGroup.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = GatewayApiGroup.GatewayKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public GatewaySpec Spec { get; set; } = new();
}
