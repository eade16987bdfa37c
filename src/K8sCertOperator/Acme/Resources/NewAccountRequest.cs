using System.Text.Json.Serialization;
using K8sCertOperator.Acme.Jws;

namespace K8sCertOperator.Acme.Resources;

/// <summary>Payload of a newAccount request (RFC 8555 §7.3).</summary>
internal sealed record NewAccountRequest
{
    [JsonPropertyName("contact")]
    public IReadOnlyList<string>? Contact { get; init; }

    [JsonPropertyName("termsOfServiceAgreed")]
    public bool? TermsOfServiceAgreed { get; init; }

    [JsonPropertyName("onlyReturnExisting")]
    public bool? OnlyReturnExisting { get; init; }

    [JsonPropertyName("externalAccountBinding")]
    public JwsMessage? ExternalAccountBinding { get; init; }
}
