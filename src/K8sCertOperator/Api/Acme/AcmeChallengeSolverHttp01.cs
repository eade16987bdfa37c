using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>HTTP-01 solver configuration: at most one of an Ingress or a Gateway API HTTPRoute.</summary>
public sealed class AcmeChallengeSolverHttp01
{
    [JsonPropertyName("ingress")]
    public AcmeChallengeSolverHttp01Ingress? Ingress { get; set; }

    /// <summary>Route the challenge path through a Gateway API HTTPRoute instead; exclusive with <see cref="Ingress"/>.</summary>
    [JsonPropertyName("gatewayHTTPRoute")]
    public AcmeChallengeSolverHttp01GatewayHttpRoute? GatewayHttpRoute { get; set; }
}
