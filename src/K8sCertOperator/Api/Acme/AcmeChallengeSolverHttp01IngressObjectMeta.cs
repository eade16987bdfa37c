using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>Labels and annotations for the solver Ingress.</summary>
public sealed class AcmeChallengeSolverHttp01IngressObjectMeta
{
    [JsonPropertyName("labels")]
    public Dictionary<string, string>? Labels { get; set; }

    [JsonPropertyName("annotations")]
    public Dictionary<string, string>? Annotations { get; set; }
}
