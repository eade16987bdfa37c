using System.Text.Json.Nodes;

namespace K8sCertOperator.Kube.Status;

/// <summary>Decides whether a status write is needed by comparing the serialized status of two objects.</summary>
public static class StatusDiff
{
    /// <summary>
    /// True when the "status" fields differ as JSON. Missing, null and empty-object statuses count as equal,
    /// so a no-op mutation never causes a write (and the watch event it would trigger).
    /// </summary>
    public static bool HasChanged(object before, object after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return !JsonNode.DeepEquals(Normalize(KubeObjectJson.Field(before, "status")), Normalize(KubeObjectJson.Field(after, "status")));
    }

    /// <summary>Same comparison on raw JSON status values (used by tests and by callers holding JSON).</summary>
    public static bool HasChanged(string? beforeStatusJson, string? afterStatusJson) =>
        !JsonNode.DeepEquals(
            Normalize(string.IsNullOrEmpty(beforeStatusJson) ? null : JsonNode.Parse(beforeStatusJson)),
            Normalize(string.IsNullOrEmpty(afterStatusJson) ? null : JsonNode.Parse(afterStatusJson)));

    private static JsonNode? Normalize(JsonNode? status) =>
        status is JsonObject o && o.Count == 0 ? null : status;
}
