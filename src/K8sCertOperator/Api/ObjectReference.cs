using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>Reference to an Issuer or ClusterIssuer (<c>issuerRef</c> on Certificate, Order and Challenge).</summary>
public sealed class ObjectReference
{
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    /// <summary>Issuer or ClusterIssuer; the CRD defaults it to Issuer.</summary>
    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    /// <summary>k8scert.io (the CRD default) or cert-manager.io.</summary>
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    /// <summary>Kind with the server-side default applied, for objects built in code before admission.</summary>
    [JsonIgnore]
    public string EffectiveKind => string.IsNullOrEmpty(Kind) ? ApiGroups.IssuerKind : Kind;

    /// <summary>True when this references a cluster-scoped ClusterIssuer.</summary>
    [JsonIgnore]
    public bool IsClusterIssuer => EffectiveKind == ApiGroups.ClusterIssuerKind;
}
