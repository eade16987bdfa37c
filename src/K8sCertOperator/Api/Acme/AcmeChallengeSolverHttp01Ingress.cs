using System.Text.Json;
using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>Solve HTTP-01 by routing /.well-known/acme-challenge/ through an Ingress to the solver.</summary>
public sealed class AcmeChallengeSolverHttp01Ingress
{
    /// <summary>spec.ingressClassName on the solver Ingress; exclusive with <see cref="Class"/>.</summary>
    [JsonPropertyName("ingressClassName")]
    public string? IngressClassName { get; set; }

    /// <summary>Legacy kubernetes.io/ingress.class annotation value.</summary>
    [JsonPropertyName("class")]
    public string? Class { get; set; }

    /// <summary>ClusterIP or NodePort for the solver Service; NodePort when absent.</summary>
    [JsonPropertyName("serviceType")]
    public string? ServiceType { get; set; }

    [JsonPropertyName("ingressTemplate")]
    public AcmeChallengeSolverHttp01IngressTemplate? IngressTemplate { get; set; }

    /// <summary>cert-manager's solver pod template; accepted and ignored (the operator answers itself), with a Warning.</summary>
    [JsonPropertyName("podTemplate")]
    public JsonElement? PodTemplate { get; set; }
}
