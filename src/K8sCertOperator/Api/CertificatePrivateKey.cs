using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>Private key options of a Certificate (cert-manager's CertificatePrivateKey).</summary>
public sealed class CertificatePrivateKey
{
    /// <summary>See <see cref="PrivateKeyAlgorithms"/>; RSA when absent.</summary>
    [JsonPropertyName("algorithm")]
    public string? Algorithm { get; set; }

    /// <summary>Bits for RSA (2048/3072/4096) or curve size for ECDSA (256/384/521); ignored for Ed25519.</summary>
    [JsonPropertyName("size")]
    public int? Size { get; set; }

    /// <summary>See <see cref="PrivateKeyEncodings"/>; PKCS1 when absent.</summary>
    [JsonPropertyName("encoding")]
    public string? Encoding { get; set; }

    /// <summary>See <see cref="RotationPolicies"/>; the CRD defaults it to Always.</summary>
    [JsonPropertyName("rotationPolicy")]
    public string? RotationPolicy { get; set; }

    [JsonIgnore]
    public string EffectiveAlgorithm => string.IsNullOrEmpty(Algorithm) ? PrivateKeyAlgorithms.Rsa : Algorithm;

    [JsonIgnore]
    public string EffectiveEncoding => string.IsNullOrEmpty(Encoding) ? PrivateKeyEncodings.Pkcs1 : Encoding;

    [JsonIgnore]
    public string EffectiveRotationPolicy => string.IsNullOrEmpty(RotationPolicy) ? RotationPolicies.Default : RotationPolicy;
}
