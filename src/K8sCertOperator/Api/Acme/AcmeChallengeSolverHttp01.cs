using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>HTTP-01 solver configuration.</summary>
public sealed class AcmeChallengeSolverHttp01
{
    [JsonPropertyName("ingress")]
    public AcmeChallengeSolverHttp01Ingress? Ingress { get; set; }
}
