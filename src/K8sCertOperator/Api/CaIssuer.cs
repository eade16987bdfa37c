using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>Signs certificates with a CA key pair held in a kubernetes.io/tls Secret.</summary>
public sealed class CaIssuer
{
    /// <summary>Secret with tls.crt and tls.key of the signing CA.</summary>
    [JsonPropertyName("secretName")]
    public string SecretName { get; set; } = "";

    /// <summary>CRL distribution point URLs written into every certificate this issuer signs.</summary>
    [JsonPropertyName("crlDistributionPoints")]
    public List<string>? CrlDistributionPoints { get; set; }

    /// <summary>OCSP responder URLs (authorityInfoAccess) written into every certificate this issuer signs.</summary>
    [JsonPropertyName("ocspServers")]
    public List<string>? OcspServers { get; set; }

    /// <summary>URLs of the issuing CA certificate (authorityInfoAccess caIssuers).</summary>
    [JsonPropertyName("issuingCertificateURLs")]
    public List<string>? IssuingCertificateUrls { get; set; }
}
