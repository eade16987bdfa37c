using System.Text.Json.Serialization;
using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Api;

/// <summary>Issuer configuration: exactly one of <see cref="Acme"/>, <see cref="SelfSigned"/> or <see cref="Ca"/>.</summary>
public sealed class IssuerSpec
{
    [JsonPropertyName("acme")]
    public AcmeIssuer? Acme { get; set; }

    [JsonPropertyName("selfSigned")]
    public SelfSignedIssuer? SelfSigned { get; set; }

    [JsonPropertyName("ca")]
    public CaIssuer? Ca { get; set; }

    /// <summary>cert-manager's Vault issuer (cert-manager mode): not served, kept as read so Ready=False can name it.</summary>
    [JsonPropertyName("vault")]
    public System.Text.Json.JsonElement? Vault { get; set; }

    /// <summary>cert-manager's Venafi issuer (cert-manager mode): not served, as <see cref="Vault"/>.</summary>
    [JsonPropertyName("venafi")]
    public System.Text.Json.JsonElement? Venafi { get; set; }

    /// <summary>The spec field of an issuer kind cert-manager has and this operator does not serve, or null.</summary>
    [JsonIgnore]
    public string? UnsupportedKind => Vault is not null ? "vault" : Venafi is not null ? "venafi" : null;
}
