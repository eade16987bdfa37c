using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>Observed state of a Certificate; written only through the status subresource.</summary>
public sealed class CertificateStatus
{
    /// <summary>Keyed by type: Ready, Issuing, Revoked.</summary>
    [JsonPropertyName("conditions")]
    public List<Condition>? Conditions { get; set; }

    [JsonPropertyName("notBefore")]
    [JsonConverter(typeof(MetaTimeConverter))]
    public DateTime? NotBefore { get; set; }

    [JsonPropertyName("notAfter")]
    [JsonConverter(typeof(MetaTimeConverter))]
    public DateTime? NotAfter { get; set; }

    /// <summary>When the next renewal is due; absent when none is scheduled.</summary>
    [JsonPropertyName("renewalTime")]
    [JsonConverter(typeof(MetaTimeConverter))]
    public DateTime? RenewalTime { get; set; }

    /// <summary>Incremented on each successful issuance; starts at 1.</summary>
    [JsonPropertyName("revision")]
    public int? Revision { get; set; }

    /// <summary>Secret holding the private key for the issuance in progress.</summary>
    [JsonPropertyName("nextPrivateKeySecretName")]
    public string? NextPrivateKeySecretName { get; set; }

    /// <summary>Consecutive failed issuances; back-off is 1h * 2^(n-1). Removed on success.</summary>
    [JsonPropertyName("failedIssuanceAttempts")]
    public int? FailedIssuanceAttempts { get; set; }

    [JsonPropertyName("lastFailureTime")]
    [JsonConverter(typeof(MetaTimeConverter))]
    public DateTime? LastFailureTime { get; set; }
}
