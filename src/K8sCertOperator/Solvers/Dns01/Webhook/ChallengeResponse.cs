using System.Text.Json.Serialization;

namespace K8sCertOperator.Solvers.Dns01.Webhook;

/// <summary>The <c>response</c> of a ChallengePayload as the webhook returns it.</summary>
public sealed record ChallengeResponse
{
    [JsonPropertyName("uid")]
    public string? Uid { get; init; }

    [JsonPropertyName("success")]
    public bool Success { get; init; }

    /// <summary>A metav1.Status explaining a failure.</summary>
    [JsonPropertyName("status")]
    public ChallengeResponseStatus? Status { get; init; }
}
