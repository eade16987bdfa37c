using System.Text.Json.Serialization;

namespace K8sCertOperator.Acme.Resources;

/// <summary>ACME Renewal Information (RFC 9773 §4.2): when the CA suggests renewing.</summary>
public sealed record AcmeRenewalInfo
{
    [JsonPropertyName("suggestedWindow")]
    public AcmeRenewalWindow? SuggestedWindow { get; init; }

    [JsonPropertyName("explanationURL")]
    public Uri? ExplanationUrl { get; init; }

    /// <summary>When to ask again, from the Retry-After header.</summary>
    [JsonIgnore]
    public TimeSpan? RetryAfter { get; init; }
}
