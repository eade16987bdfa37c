using System.Text.Json.Serialization;

namespace K8sCertOperator.Solvers.Dns01.Webhook;

/// <summary>The <c>acme.cert-manager.io/v1alpha1</c> ChallengePayload POSTed to a webhook solver and echoed back with a response.</summary>
public sealed record ChallengePayload
{
    public const string ApiVersionValue = "acme.cert-manager.io/v1alpha1";
    public const string KindValue = "ChallengePayload";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; init; } = ApiVersionValue;

    [JsonPropertyName("kind")]
    public string Kind { get; init; } = KindValue;

    [JsonPropertyName("request")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ChallengeRequest? Request { get; init; }

    [JsonPropertyName("response")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ChallengeResponse? Response { get; init; }
}
