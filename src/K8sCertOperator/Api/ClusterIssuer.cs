using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Api;

/// <summary>k8scert.io/v1 ClusterIssuer: like Issuer but cluster-scoped; its Secrets live in the operator's cluster resource namespace.</summary>
[KubernetesEntity(Group = ApiGroups.Cert, ApiVersion = ApiGroups.Version, Kind = ApiGroups.ClusterIssuerKind, PluralName = ApiGroups.ClusterIssuerPlural)]
public sealed class ClusterIssuer : IGenericIssuer
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroups.CertApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = ApiGroups.ClusterIssuerKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public IssuerSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public IssuerStatus? Status { get; set; }
}
