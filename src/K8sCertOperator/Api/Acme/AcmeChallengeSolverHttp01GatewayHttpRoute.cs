using System.Text.Json;
using System.Text.Json.Serialization;
using K8sCertOperator.Api.GatewayApi;

namespace K8sCertOperator.Api.Acme;

/// <summary>
/// Solve HTTP-01 through Gateway API (cert-manager's <c>gatewayHTTPRoute</c>): a temporary HTTPRoute attached to
/// <see cref="ParentRefs"/> routes the challenge path to the operator's own responder.
/// </summary>
public sealed class AcmeChallengeSolverHttp01GatewayHttpRoute
{
    /// <summary>The Gateways (or listeners of them) the temporary HTTPRoute attaches to.</summary>
    [JsonPropertyName("parentRefs")]
    public List<ParentReference> ParentRefs { get; set; } = [];

    /// <summary>Labels added to the temporary HTTPRoute (e.g. to match a listener's route selector).</summary>
    [JsonPropertyName("labels")]
    public Dictionary<string, string>? Labels { get; set; }

    /// <summary>cert-manager's solver Service type; accepted and ignored (no solver Service here), with a Warning.</summary>
    [JsonPropertyName("serviceType")]
    public string? ServiceType { get; set; }

    /// <summary>cert-manager's solver pod template; accepted and ignored (no solver pod here), with a Warning.</summary>
    [JsonPropertyName("podTemplate")]
    public JsonElement? PodTemplate { get; set; }
}
