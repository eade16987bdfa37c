using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Api.Acme;

/// <summary>acme.k8scert.io/v1 Challenge: one ACME challenge (one identifier) being presented and validated.</summary>
[KubernetesEntity(Group = ApiGroups.Acme, ApiVersion = ApiGroups.Version, Kind = ApiGroups.ChallengeKind, PluralName = ApiGroups.ChallengePlural)]
public sealed class Challenge : IKubernetesObject<V1ObjectMeta>, ISpec<ChallengeSpec>, IStatus<ChallengeStatus?>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ApiGroups.AcmeApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = ApiGroups.ChallengeKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public ChallengeSpec Spec { get; set; } = new();

    [JsonPropertyName("status")]
    public ChallengeStatus? Status { get; set; }
}
