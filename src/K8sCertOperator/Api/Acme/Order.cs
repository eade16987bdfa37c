using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Api.Acme;

/// <summary>acme.k8scert.io/v1 Order: one ACME order for a Certificate issuance.</summary>
[KubernetesEntity(Group = ApiGroups.Acme, ApiVersion = ApiGroups.Version, Kind = ApiGroups.OrderKind, PluralName = ApiGroups.OrderPlural)]
public sealed class Order : IKubernetesObject<V1ObjectMeta>, ISpec<OrderSpec>, IStatus<OrderStatus?>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroups.AcmeApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = ApiGroups.OrderKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public OrderSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public OrderStatus? Status { get; set; }
}
