using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>
/// dns-persist-01 solver (draft-ietf-acme-dns-persist): the TXT record
/// <c>_validation-persist.NAME "ISSUER; accounturi=ACCOUNT[; policy=wildcard][; persistUntil=T]"</c> authorizes the
/// issuer's ACME account for NAME for as long as it stands. With a <see cref="Provider"/> the operator creates it once and
/// never deletes it; without one it creates nothing and waits until somebody publishes it.
/// </summary>
public sealed class AcmeChallengeSolverDnsPersist01
{
    /// <summary>Which of the CA's issuer-domain-names the record names; absent takes the first one the challenge offers.</summary>
    [JsonPropertyName("issuerDomainName")]
    public string? IssuerDomainName { get; set; }

    /// <summary>Written as <c>persistUntil=UNIX-SECONDS</c>: the CA stops accepting the record after this time. Absent: no end.</summary>
    [JsonPropertyName("persistUntil")]
    [JsonConverter(typeof(MetaTimeConverter))]
    public DateTime? PersistUntil { get; set; }

    /// <summary>The DNS provider that writes the record (same fields as <c>dns01</c>); absent means the record is published by hand.</summary>
    [JsonPropertyName("provider")]
    public AcmeChallengeSolverDnsPersist01Provider? Provider { get; set; }
}
