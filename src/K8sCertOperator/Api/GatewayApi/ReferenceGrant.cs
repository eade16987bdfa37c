using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Api.GatewayApi;

/// <summary>
/// gateway.networking.k8s.io/v1beta1 ReferenceGrant: lets objects of a kind in another namespace refer to objects of
/// this one. The solver grants HTTPRoutes of a Challenge's namespace access to the operator's responder Service.
/// </summary>
[KubernetesEntity(Group = HttpRouteNames.Group, ApiVersion = HttpRouteNames.ReferenceGrantVersion, Kind = HttpRouteNames.ReferenceGrantKind, PluralName = HttpRouteNames.ReferenceGrantPlural)]
public sealed class ReferenceGrant : IKubernetesObject<V1ObjectMeta>, ISpec<ReferenceGrantSpec>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = HttpRouteNames.Group + "/" + HttpRouteNames.ReferenceGrantVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = HttpRouteNames.ReferenceGrantKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public ReferenceGrantSpec Spec { get; set; } = new();
}
