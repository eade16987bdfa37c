using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>Signs certificates with a CA key pair held in a kubernetes.io/tls Secret.</summary>
public sealed class CaIssuer
{
    /// <summary>Secret with tls.crt and tls.key of the signing CA.</summary>
    [JsonPropertyName("secretName")]
    public string SecretName { get; set; } = "";
}
