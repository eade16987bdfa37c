using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Api;

/// <summary>k8scert.io/v1 Certificate: desired X.509 certificate kept fresh in a kubernetes.io/tls Secret.</summary>
[KubernetesEntity(Group = ApiGroups.Cert, ApiVersion = ApiGroups.Version, Kind = ApiGroups.CertificateKind, PluralName = ApiGroups.CertificatePlural)]
public sealed class Certificate : IKubernetesObject<V1ObjectMeta>, ISpec<CertificateSpec>, IStatus<CertificateStatus?>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroups.CertApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = ApiGroups.CertificateKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public CertificateSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public CertificateStatus? Status { get; set; }
}
