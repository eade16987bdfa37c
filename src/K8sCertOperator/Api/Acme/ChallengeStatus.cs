using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>Progress of a challenge.</summary>
public sealed class ChallengeStatus
{
    /// <summary>True while the controller still acts on it; false once final and cleaned up.</summary>
    [JsonPropertyName("processing")]
    public bool? Processing { get; set; }

    /// <summary>True once the solver has presented the record or HTTP response.</summary>
    [JsonPropertyName("presented")]
    public bool? Presented { get; set; }

    [JsonPropertyName("reason")]
    public string? Reason { get; set; }

    /// <summary>The DNS record this challenge needs (dns-persist-01), so a person or a tool can publish it.</summary>
    [JsonPropertyName("dnsRecord")]
    public ChallengeDnsRecord? DnsRecord { get; set; }

    /// <summary>See <see cref="AcmeStates"/>.</summary>
    [JsonPropertyName("state")]
    public string? State { get; set; }
}
