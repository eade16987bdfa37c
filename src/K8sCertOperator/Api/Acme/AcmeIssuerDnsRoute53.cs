using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.Acme;

/// <summary>AWS Route 53 DNS provider; credentials from Secrets or the ambient AWS environment.</summary>
public sealed class AcmeIssuerDnsRoute53
{
    [JsonPropertyName("region")]
    public string? Region { get; set; }

    /// <summary>Skip the zone lookup and use this hosted zone.</summary>
    [JsonPropertyName("hostedZoneID")]
    public string? HostedZoneId { get; set; }

    /// <summary>Access key id given inline; exclusive with <see cref="AccessKeyIdSecretRef"/>.</summary>
    [JsonPropertyName("accessKeyID")]
    public string? AccessKeyId { get; set; }

    [JsonPropertyName("accessKeyIDSecretRef")]
    public SecretKeySelector? AccessKeyIdSecretRef { get; set; }

    [JsonPropertyName("secretAccessKeySecretRef")]
    public SecretKeySelector? SecretAccessKeySecretRef { get; set; }

    /// <summary>IAM role ARN to assume.</summary>
    [JsonPropertyName("role")]
    public string? Role { get; set; }
}
