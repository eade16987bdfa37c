using System.Text.Json.Serialization;

namespace K8sCertOperator.Acme.Resources;

/// <summary>A challenge object (RFC 8555 §7.1.5 and §8).</summary>
public sealed record AcmeChallenge
{
    public const string Http01 = "http-01";
    public const string Dns01 = "dns-01";
    public const string TlsAlpn01 = "tls-alpn-01";
    public const string DnsPersist01 = "dns-persist-01";
    public const string DnsAccount01 = "dns-account-01";

    [JsonPropertyName("type")]
    public string Type { get; init; } = string.Empty;

    [JsonPropertyName("url")]
    public Uri? Url { get; init; }

    [JsonPropertyName("status")]
    public string Status { get; init; } = string.Empty;

    [JsonPropertyName("validated")]
    public DateTimeOffset? Validated { get; init; }

    [JsonPropertyName("error")]
    public AcmeProblem? Error { get; init; }

    [JsonPropertyName("token")]
    public string? Token { get; init; }

    /// <summary>dns-persist-01: issuer domain names the CA accepts in the record (draft-ietf-acme-dns-persist-00/01 and Pebble spelling).</summary>
    [JsonPropertyName("issuer-domain-names")]
    public IReadOnlyList<string>? IssuerDomainNames { get; init; }

    /// <summary>The same list under the camelCase name later drafts use; read so either spelling works.</summary>
    [JsonPropertyName("issuerDomainNames")]
    public IReadOnlyList<string>? IssuerDomainNamesCamelCase { get; init; }

    /// <summary>The issuer domain names offered under either spelling, or empty.</summary>
    public IReadOnlyList<string> OfferedIssuerDomainNames() => IssuerDomainNames ?? IssuerDomainNamesCamelCase ?? [];
}
