using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>One solver entry: which names it applies to and exactly one of HTTP-01 or DNS-01.</summary>
public sealed class AcmeChallengeSolver
{
    /// <summary>Absent means "matches everything" (lowest priority).</summary>
    [JsonPropertyName("selector")]
    public CertificateDnsNameSelector? Selector { get; set; }

    [JsonPropertyName("http01")]
    public AcmeChallengeSolverHttp01? Http01 { get; set; }

    [JsonPropertyName("dns01")]
    public AcmeChallengeSolverDns01? Dns01 { get; set; }
}
