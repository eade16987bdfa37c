using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>The DNS provider fields a DNS solver block shares: exactly one provider, plus how to treat a CNAME on the record name.</summary>
public abstract class AcmeDnsProviders
{
    /// <summary>See <see cref="CnameStrategies"/>; None when absent.</summary>
    [JsonPropertyName("cnameStrategy")]
    public string? CnameStrategy { get; set; }

    [JsonPropertyName("rfc2136")]
    public AcmeIssuerDnsRfc2136? Rfc2136 { get; set; }

    [JsonPropertyName("cloudflare")]
    public AcmeIssuerDnsCloudflare? Cloudflare { get; set; }

    [JsonPropertyName("route53")]
    public AcmeIssuerDnsRoute53? Route53 { get; set; }

    [JsonPropertyName("webhook")]
    public AcmeIssuerDnsWebhook? Webhook { get; set; }
}
