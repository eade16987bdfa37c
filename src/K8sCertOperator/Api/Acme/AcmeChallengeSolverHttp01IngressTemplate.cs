using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>Metadata merged into the solver Ingress.</summary>
public sealed class AcmeChallengeSolverHttp01IngressTemplate
{
    [JsonPropertyName("metadata")]
    public AcmeChallengeSolverHttp01IngressObjectMeta? Metadata { get; set; }
}
