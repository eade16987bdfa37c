using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Api.GatewayApi;

/// <summary>gateway.networking.k8s.io/v1 HTTPRoute, reduced to the fields the HTTP-01 route solver writes and compares.</summary>
[KubernetesEntity(Group = HttpRouteNames.Group, ApiVersion = HttpRouteNames.HttpRouteVersion, Kind = HttpRouteNames.HttpRouteKind, PluralName = HttpRouteNames.HttpRoutePlural)]
public sealed class HttpRoute : IKubernetesObject<V1ObjectMeta>, ISpec<HttpRouteSpec>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = HttpRouteNames.Group + "/" + HttpRouteNames.HttpRouteVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = HttpRouteNames.HttpRouteKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public HttpRouteSpec Spec { get; set; } = new();
}
