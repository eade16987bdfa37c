using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>One authorization of an order, as first fetched from the ACME server.</summary>
public sealed class AcmeAuthorization
{
    [JsonPropertyName("url")]
    public string Url { get; set; } = "";

    /// <summary>The DNS name or IP; for wildcards, the name without "*.".</summary>
    [JsonPropertyName("identifier")]
    public string? Identifier { get; set; }

    [JsonPropertyName("wildcard")]
    public bool? Wildcard { get; set; }

    /// <summary>State when first fetched; "valid" means reused authz and no Challenge is created.</summary>
    [JsonPropertyName("initialState")]
    public string? InitialState { get; set; }

    [JsonPropertyName("challenges")]
    public List<AcmeChallenge>? Challenges { get; set; }
}
