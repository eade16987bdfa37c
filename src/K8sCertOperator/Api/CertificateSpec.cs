using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>Desired state of a Certificate; field names and meanings follow cert-manager's CertificateSpec.</summary>
public sealed class CertificateSpec
{
    /// <summary>Secret (same namespace) that receives tls.crt, tls.key and ca.crt.</summary>
    [JsonPropertyName("secretName")]
    public string SecretName { get; set; } = "";

    [JsonPropertyName("issuerRef")]
    public ObjectReference IssuerRef { get; set; } = new();

    /// <summary>Subject CN; at most 64 characters (X.509 upper bound).</summary>
    [JsonPropertyName("commonName")]
    public string? CommonName { get; set; }

    [JsonPropertyName("dnsNames")]
    public List<string>? DnsNames { get; set; }

    [JsonPropertyName("ipAddresses")]
    public List<string>? IpAddresses { get; set; }

    [JsonPropertyName("uris")]
    public List<string>? Uris { get; set; }

    [JsonPropertyName("emailAddresses")]
    public List<string>? EmailAddresses { get; set; }

    [JsonPropertyName("subject")]
    public X509Subject? Subject { get; set; }

    /// <summary>Requested lifetime as a Go duration ("2160h"); parse with <see cref="GoDuration"/>. Default 90 days.</summary>
    [JsonPropertyName("duration")]
    public string? Duration { get; set; }

    /// <summary>Renew this long before expiry (Go duration). Exclusive with <see cref="RenewBeforePercentage"/>.</summary>
    [JsonPropertyName("renewBefore")]
    public string? RenewBefore { get; set; }

    /// <summary>Renew when this percentage (1..99) of the lifetime remains.</summary>
    [JsonPropertyName("renewBeforePercentage")]
    public int? RenewBeforePercentage { get; set; }

    /// <summary>See <see cref="KeyUsages"/>; empty means <see cref="KeyUsages.Default"/>.</summary>
    [JsonPropertyName("usages")]
    public List<string>? Usages { get; set; }

    [JsonPropertyName("isCA")]
    public bool? IsCA { get; set; }

    [JsonPropertyName("privateKey")]
    public CertificatePrivateKey? PrivateKey { get; set; }

    [JsonPropertyName("secretTemplate")]
    public CertificateSecretTemplate? SecretTemplate { get; set; }

    /// <summary>How many past Orders to keep; at least 1.</summary>
    [JsonPropertyName("revisionHistoryLimit")]
    public int? RevisionHistoryLimit { get; set; }

    /// <summary>See <see cref="RevocationPolicies"/>; the CRD defaults it to Never.</summary>
    [JsonPropertyName("revocationPolicy")]
    public string? RevocationPolicy { get; set; }

    // X.509 fields from cert-manager v1.21 (issue 14, subject and extensions).

    /// <summary>RFC 4514 subject encoded in exactly this order; exclusive with commonName and subject.</summary>
    [JsonPropertyName("literalSubject")]
    public string? LiteralSubject { get; set; }

    [JsonPropertyName("otherNames")]
    public List<CertificateOtherName>? OtherNames { get; set; }

    /// <summary>Only with isCA.</summary>
    [JsonPropertyName("nameConstraints")]
    public CertificateNameConstraints? NameConstraints { get; set; }

    /// <summary>One of <see cref="Pki.SignatureAlgorithms.All"/>; must suit the signing key.</summary>
    [JsonPropertyName("signatureAlgorithm")]
    public string? SignatureAlgorithm { get; set; }

    /// <summary>Whether key usages go into the CSR; unset means true.</summary>
    [JsonPropertyName("encodeUsagesInRequest")]
    public bool? EncodeUsagesInRequest { get; set; }

    // --- Secret outputs (additionalOutputFormats, keystores) ---

    /// <summary>Extra encodings written beside tls.crt/tls.key; see <see cref="AdditionalOutputFormats"/>.</summary>
    [JsonPropertyName("additionalOutputFormats")]
    public List<CertificateAdditionalOutputFormat>? AdditionalOutputFormats { get; set; }

    /// <summary>PKCS#12 and JKS keystores written beside tls.crt/tls.key.</summary>
    [JsonPropertyName("keystores")]
    public CertificateKeystores? Keystores { get; set; }

    /// <summary>Renewal policy and windows (cert-manager spec.renewal).</summary>
    [JsonPropertyName("renewal")]
    public CertificateRenewal? Renewal { get; set; }
}
