using System.Text.Json.Serialization;

namespace K8sCertOperator.Acme.Resources;

/// <summary>An account object (RFC 8555 §7.1.2); <see cref="Location"/> is the account URL ("kid").</summary>
public sealed record AcmeAccount
{
    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    [JsonPropertyName("contact")]
    public IReadOnlyList<string>? Contact { get; init; }

    [JsonPropertyName("termsOfServiceAgreed")]
    public bool? TermsOfServiceAgreed { get; init; }

    [JsonPropertyName("orders")]
    public Uri? Orders { get; init; }

    /// <summary>The account URL from the Location header; not part of the JSON body.</summary>
    [JsonIgnore]
    public Uri? Location { get; init; }
}
