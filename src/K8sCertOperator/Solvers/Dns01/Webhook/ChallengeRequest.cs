using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace K8sCertOperator.Solvers.Dns01.Webhook;

/// <summary>The <c>request</c> of a ChallengePayload; field names as in cert-manager's <c>ChallengeRequest</c>.</summary>
public sealed record ChallengeRequest
{
    [JsonPropertyName("uid")]
    public required string Uid { get; init; }

    /// <summary><see cref="ChallengeAction.Present"/> or <see cref="ChallengeAction.CleanUp"/>.</summary>
    [JsonPropertyName("action")]
    public required string Action { get; init; }

    [JsonPropertyName("type")]
    public string Type { get; init; } = "dns-01";

    [JsonPropertyName("dnsName")]
    public required string DnsName { get; init; }

    /// <summary>The TXT value to present.</summary>
    [JsonPropertyName("key")]
    public required string Key { get; init; }

    [JsonPropertyName("resourceNamespace")]
    public required string ResourceNamespace { get; init; }

    [JsonPropertyName("resolvedFQDN")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ResolvedFqdn { get; init; }

    [JsonPropertyName("resolvedZone")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ResolvedZone { get; init; }

    [JsonPropertyName("allowAmbientCredentials")]
    public bool AllowAmbientCredentials { get; init; }

    [JsonPropertyName("config")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public JsonNode? Config { get; init; }
}
