using System.Text.Json.Serialization;

namespace K8sCertOperator.Acme.Resources;

/// <summary>The ACME directory (RFC 8555 §7.1.1): the only URL a client is configured with leads here.</summary>
public sealed record AcmeDirectory
{
    [JsonPropertyName("newNonce")]
    public Uri? NewNonce { get; init; }

    [JsonPropertyName("newAccount")]
    public Uri? NewAccount { get; init; }

    [JsonPropertyName("newOrder")]
    public Uri? NewOrder { get; init; }

    [JsonPropertyName("newAuthz")]
    public Uri? NewAuthz { get; init; }

    [JsonPropertyName("revokeCert")]
    public Uri? RevokeCert { get; init; }

    [JsonPropertyName("keyChange")]
    public Uri? KeyChange { get; init; }

    /// <summary>ARI base URL (RFC 9773); absent on servers without renewal information.</summary>
    [JsonPropertyName("renewalInfo")]
    public Uri? RenewalInfo { get; init; }

    [JsonPropertyName("meta")]
    public AcmeDirectoryMeta? Meta { get; init; }

    /// <summary>True when the server advertises the named profile (draft-ietf-acme-profiles).</summary>
    public bool HasProfile(string profile) =>
        Meta?.Profiles is { } profiles && profiles.ContainsKey(profile);
}
