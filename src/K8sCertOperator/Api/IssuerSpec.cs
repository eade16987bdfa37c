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
}
