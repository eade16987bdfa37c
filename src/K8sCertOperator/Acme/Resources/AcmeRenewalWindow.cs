using System.Text.Json.Serialization;

namespace K8sCertOperator.Acme.Resources;

/// <summary>The suggested renewal window of an ARI response.</summary>
public sealed record AcmeRenewalWindow
{
    [JsonPropertyName("start")]
    public DateTimeOffset Start { get; init; }

    [JsonPropertyName("end")]
    public DateTimeOffset End { get; init; }
}
