using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Api;

/// <summary>k8scert.io/v1 Issuer: a namespaced certificate authority (ACME, CA or self-signed).</summary>
[KubernetesEntity(Group = ApiGroups.Cert, ApiVersion = ApiGroups.Version, Kind = ApiGroups.IssuerKind, PluralName = ApiGroups.IssuerPlural)]
public sealed class Issuer : IGenericIssuer
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroups.CertApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = ApiGroups.IssuerKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public IssuerSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public IssuerStatus? Status { get; set; }
}
