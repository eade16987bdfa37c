using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>Keystores written into the Certificate's Secret beside tls.crt/tls.key.</summary>
public sealed class CertificateKeystores
{
    [JsonPropertyName("jks")]
    public JksKeystore? Jks { get; set; }

    [JsonPropertyName("pkcs12")]
    public Pkcs12Keystore? Pkcs12 { get; set; }
}
