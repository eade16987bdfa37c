using System.Text.Json.Serialization;

namespace K8sCertOperator.Api.GatewayApi;

/// <summary>The part of a Gateway's spec the gateway-shim reads.</summary>
public sealed class GatewaySpec
{
    [JsonPropertyName("gatewayClassName")]
    public string? GatewayClassName { get; set; }

    [JsonPropertyName("listeners")]
    public List<GatewayListener>? Listeners { get; set; }

    [JsonPropertyName("allowedListeners")]
    public AllowedListeners? AllowedListeners { get; set; }
}
