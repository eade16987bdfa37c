using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>One status condition of a Certificate or issuer (cert-manager's CertificateCondition/IssuerCondition).</summary>
public sealed class Condition
{
    /// <summary>See <see cref="ConditionTypes"/>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    /// <summary>See <see cref="ConditionStatus"/>: True, False or Unknown.</summary>
    [JsonPropertyName("status")]
    public string Status { get; set; } = ConditionStatus.Unknown;

    /// <summary>Machine-readable CamelCase reason; see <see cref="ConditionReasons"/>.</summary>
    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("lastTransitionTime")]
    [JsonConverter(typeof(MetaTimeConverter))]
    public DateTime? LastTransitionTime { get; set; }

    /// <summary>The metadata.generation this condition was computed from.</summary>
    [JsonPropertyName("observedGeneration")]
    public long? ObservedGeneration { get; set; }
}
