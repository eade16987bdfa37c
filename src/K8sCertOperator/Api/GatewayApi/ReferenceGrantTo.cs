using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.GatewayApi;

/// <summary>What a ReferenceGrant opens in its namespace: a kind, optionally one object of it by name.</summary>
public sealed class ReferenceGrantTo
{
    [JsonPropertyName("group")]
    public string Group { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("name")]
    public string? Name { get; set; }
}
