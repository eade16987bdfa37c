using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Api;

/// <summary>k8scert.io/v1 CertificateRequest: one CSR to be approved and then signed by one issuer.</summary>
[KubernetesEntity(Group = ApiGroups.Cert, ApiVersion = ApiGroups.Version, Kind = ApiGroups.CertificateRequestKind, PluralName = ApiGroups.CertificateRequestPlural)]
public sealed class CertificateRequest : IKubernetesObject<V1ObjectMeta>, ISpec<CertificateRequestSpec>, IStatus<CertificateRequestStatus?>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroups.CertApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = ApiGroups.CertificateRequestKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public CertificateRequestSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public CertificateRequestStatus? Status { get; set; }
}
