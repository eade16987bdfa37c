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

    /// <summary>
    /// Spec fields no served issuer kind has (cert-manager's vault, venafi, … in cert-manager mode): kept as read, so
    /// Ready=False can name them and nothing is lost; the k8scert.io schema prunes them before they get here.
    /// </summary>
    [JsonExtensionData]
    public Dictionary<string, System.Text.Json.JsonElement>? Unserved { get; set; }

    /// <summary>The first spec field of an issuer kind this operator does not serve, or null.</summary>
    [JsonIgnore]
    public string? UnsupportedKind => Unserved?.Keys.Order(StringComparer.Ordinal).FirstOrDefault();
}
