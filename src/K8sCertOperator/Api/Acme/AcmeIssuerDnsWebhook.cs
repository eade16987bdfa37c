using System.Text.Json;
using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>Out-of-tree DNS provider reached as an aggregated API, as with cert-manager webhook solvers.</summary>
public sealed class AcmeIssuerDnsWebhook
{
    /// <summary>API group of the webhook solver service.</summary>
    [JsonPropertyName("groupName")]
    public string GroupName { get; set; } = "";

    [JsonPropertyName("solverName")]
    public string SolverName { get; set; } = "";

    /// <summary>Opaque, provider-specific configuration passed through unchanged.</summary>
    [JsonPropertyName("config")]
    public JsonElement? Config { get; set; }
}
