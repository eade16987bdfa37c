using System.Text.Json.Serialization;

namespace K8sCertOperator.Solvers.Dns01.Webhook;

/// <summary>The parts of a Kubernetes metav1.Status a webhook failure is explained with.</summary>
public sealed record ChallengeResponseStatus
{
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("reason")]
    public string? Reason { get; init; }

    [JsonPropertyName("code")]
    public int? Code { get; init; }
}
