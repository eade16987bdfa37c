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

    [JsonPropertyName("issuerRef")]
    public ObjectReference IssuerRef { get; set; } = new();
}
