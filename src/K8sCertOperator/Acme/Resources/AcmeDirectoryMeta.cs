using System.Text.Json.Serialization;

namespace K8sCertOperator.Acme.Resources;

/// <summary>The optional "meta" object of the directory.</summary>
public sealed record AcmeDirectoryMeta
{
    [JsonPropertyName("termsOfService")]
    public string? TermsOfService { get; init; }

    [JsonPropertyName("website")]
    public Uri? Website { get; init; }

    [JsonPropertyName("caaIdentities")]
    public IReadOnlyList<string>? CaaIdentities { get; init; }

    [JsonPropertyName("externalAccountRequired")]
    public bool ExternalAccountRequired { get; init; }

    /// <summary>Profile name to human description, when the server supports profiles.</summary>
    [JsonPropertyName("profiles")]
    public IReadOnlyDictionary<string, string>? Profiles { get; init; }
}
