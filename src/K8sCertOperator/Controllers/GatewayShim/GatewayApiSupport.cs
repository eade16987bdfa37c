using System.Text.Json;
using K8sCertOperator.Api.GatewayApi;

namespace K8sCertOperator.Controllers.GatewayShim;

/// <summary>Which Gateway API kinds the gateway-shim watches: Gateways (v1), and ListenerSets (v1 from Gateway API v1.6).</summary>
public sealed record GatewayApiSupport(bool Gateways, bool ListenerSets)
{
    public static GatewayApiSupport None { get; } = new(false, false);

    /// <summary>
    /// Reads the APIResourceList of gateway.networking.k8s.io/v1 (null: the group version is not served). ListenerSets
    /// count only beside Gateways, since they only matter through a Gateway.
    /// </summary>
    public static GatewayApiSupport FromResourceList(JsonElement? resourceList)
    {
        if (resourceList is not { ValueKind: JsonValueKind.Object } list
            || !list.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array)
        {
            return None;
        }

        var names = resources.EnumerateArray()
            .Where(r => r.ValueKind == JsonValueKind.Object && r.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String)
            .Select(r => r.GetProperty("name").GetString())
            .ToHashSet(StringComparer.Ordinal);
        var gateways = names.Contains(GatewayApiGroup.GatewayPlural);
        return new GatewayApiSupport(gateways, gateways && names.Contains(GatewayApiGroup.ListenerSetPlural));
    }
}
