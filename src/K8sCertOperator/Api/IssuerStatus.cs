using System.Text.Json.Serialization;
using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Api;

/// <summary>Observed state of an Issuer or ClusterIssuer.</summary>
public sealed class IssuerStatus
{
    /// <summary>Only the Ready condition is used.</summary>
    [JsonPropertyName("conditions")]
    public List<Condition>? Conditions { get; set; }

    [JsonPropertyName("acme")]
    public AcmeIssuerStatus? Acme { get; set; }
}
