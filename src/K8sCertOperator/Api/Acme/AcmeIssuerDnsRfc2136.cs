using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>RFC 2136 dynamic DNS update provider, optionally TSIG-signed.</summary>
public sealed class AcmeIssuerDnsRfc2136
{
    /// <summary>host[:port] or [ipv6]:port of the authoritative server; port 53 when absent.</summary>
    [JsonPropertyName("nameserver")]
    public string Nameserver { get; set; } = "";

    [JsonPropertyName("tsigKeyName")]
    public string? TsigKeyName { get; set; }

    /// <summary>HMACMD5, HMACSHA1, HMACSHA256 or HMACSHA512; HMACMD5 when absent, as cert-manager.</summary>
    [JsonPropertyName("tsigAlgorithm")]
    public string? TsigAlgorithm { get; set; }

    /// <summary>Secret key holding the base64 TSIG secret.</summary>
    [JsonPropertyName("tsigSecretSecretRef")]
    public SecretKeySelector? TsigSecretSecretRef { get; set; }
}
