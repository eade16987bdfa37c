using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>Everything needed to present and validate one challenge, copied from the Order and issuer.</summary>
public sealed class ChallengeSpec
{
    /// <summary>Challenge URL at the ACME server.</summary>
    [JsonPropertyName("url")]
    public string Url { get; set; } = "";

    [JsonPropertyName("authorizationURL")]
    public string AuthorizationUrl { get; set; } = "";

    /// <summary>Identifier being validated, without "*." for wildcards.</summary>
    [JsonPropertyName("dnsName")]
    public string DnsName { get; set; } = "";

    [JsonPropertyName("wildcard")]
    public bool? Wildcard { get; set; }

    /// <summary>See <see cref="ChallengeTypes"/>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    [JsonPropertyName("token")]
    public string Token { get; set; } = "";

    /// <summary>Key authorization (token.thumbprint); what HTTP-01 serves and DNS-01 hashes.</summary>
    [JsonPropertyName("key")]
    public string Key { get; set; } = "";

    /// <summary>The issuer solver entry chosen for this identifier.</summary>
    [JsonPropertyName("solver")]
    public AcmeChallengeSolver Solver { get; set; } = new();

    /// <summary>
    /// URL of the ACME account the challenge is for: named by dns-persist-01 records and hashed into the
    /// dns-account-01 label, so presenting and cleaning up need no account look-up.
    /// </summary>
    [JsonPropertyName("accountURL")]
    public string? AccountUrl { get; set; }

    /// <summary>dns-persist-01: the issuer domain names the CA accepts in the record (its <c>issuer-domain-names</c>).</summary>
    [JsonPropertyName("issuerDomainNames")]
    public List<string>? IssuerDomainNames { get; set; }

    [JsonPropertyName("issuerRef")]
    public ObjectReference IssuerRef { get; set; } = new();
}
