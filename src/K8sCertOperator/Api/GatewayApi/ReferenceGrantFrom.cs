using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.GatewayApi;

/// <summary>A kind of object in a namespace that a ReferenceGrant trusts.</summary>
public sealed class ReferenceGrantFrom
{
    [JsonPropertyName("group")]
    public string Group { get; set; } = "";

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = "";

    [JsonPropertyName("namespace")]
    public string Namespace { get; set; } = "";
}
