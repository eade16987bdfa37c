using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>One solver entry: which names it applies to and exactly one of HTTP-01, DNS-01 or dns-persist-01.</summary>
public sealed class AcmeChallengeSolver
{
    /// <summary>Absent means "matches everything" (lowest priority).</summary>
    [JsonPropertyName("selector")]
    public CertificateDnsNameSelector? Selector { get; set; }

    [JsonPropertyName("http01")]
    public AcmeChallengeSolverHttp01? Http01 { get; set; }

    [JsonPropertyName("dns01")]
    public AcmeChallengeSolverDns01? Dns01 { get; set; }

    /// <summary>Our own (not in cert-manager): a standing <c>_validation-persist</c> record for the issuer's account.</summary>
    [JsonPropertyName("dnsPersist01")]
    public AcmeChallengeSolverDnsPersist01? DnsPersist01 { get; set; }
}
