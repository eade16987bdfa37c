using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>Decides whether an update bumps metadata.generation, as the API server's update strategies do.</summary>
public static class GenerationPolicy
{
    /// <summary>
    /// True when anything outside metadata changed; with a status subresource a status change does not count,
    /// because status lives on its own write path and is not part of the desired state.
    /// </summary>
    public static bool ShouldBump(JsonObject previous, JsonObject updated, bool hasStatusSubresource)
    {
        var keys = previous.Select(p => p.Key).Concat(updated.Select(p => p.Key)).Distinct(StringComparer.Ordinal);
        foreach (var key in keys)
        {
            if (key == "metadata" || (hasStatusSubresource && key == "status"))
            {
                continue;
            }
            if (!JsonNode.DeepEquals(previous[key], updated[key]))
            {
                return true;
            }
        }
        return false;
    }
}
