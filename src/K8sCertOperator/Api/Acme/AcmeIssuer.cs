using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>ACME (RFC 8555) issuer configuration: server, account and challenge solvers (cert-manager's ACMEIssuer).</summary>
public sealed class AcmeIssuer
{
    /// <summary>Directory URL, e.g. https://acme-staging-v02.api.letsencrypt.org/directory.</summary>
    [JsonPropertyName("server")]
    public string Server { get; set; } = "";

    /// <summary>Account contact email; optional.</summary>
    [JsonPropertyName("email")]
    public string? Email { get; set; }

    /// <summary>Secret holding (or to receive) the account private key; key defaults to tls.key.</summary>
    [JsonPropertyName("privateKeySecretRef")]
    public SecretKeySelector PrivateKeySecretRef { get; set; } = new();

    [JsonPropertyName("externalAccountBinding")]
    public AcmeExternalAccountBinding? ExternalAccountBinding { get; set; }

    /// <summary>Prefer the alternate chain whose top issuer has this common name.</summary>
    [JsonPropertyName("preferredChain")]
    public string? PreferredChain { get; set; }

    /// <summary>PEM CA bundle to trust for the ACME server's TLS (JSON/YAML: base64).</summary>
    [JsonPropertyName("caBundle")]
    public byte[]? CaBundle { get; set; }

    /// <summary>Skip TLS verification of the ACME server; for test servers only.</summary>
    [JsonPropertyName("skipTLSVerify")]
    public bool? SkipTlsVerify { get; set; }

    /// <summary>ACME certificate profile to request (draft-aaron-acme-profiles).</summary>
    [JsonPropertyName("profile")]
    public string? Profile { get; set; }

    /// <summary>When true, never generate an account key; the Secret must already hold one.</summary>
    [JsonPropertyName("disableAccountKeyGeneration")]
    public bool? DisableAccountKeyGeneration { get; set; }

    /// <summary>Tried in order; the most specific matching selector wins.</summary>
    [JsonPropertyName("solvers")]
    public List<AcmeChallengeSolver>? Solvers { get; set; }
}
