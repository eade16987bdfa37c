using System.Text.Json.Serialization;

namespace K8sCertOperator.Api;

/// <summary>Signs each certificate with its own private key.</summary>
public sealed class SelfSignedIssuer
{
    /// <summary>CRL distribution point URLs written into issued certificates.</summary>
    [JsonPropertyName("crlDistributionPoints")]
    public List<string>? CrlDistributionPoints { get; set; }
}
