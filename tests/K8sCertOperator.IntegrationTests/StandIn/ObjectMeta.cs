using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>Small accessors for the metadata of a stored JSON object.</summary>
internal static class ObjectMeta
{
    public static JsonObject Metadata(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            return metadata;
        }
        metadata = new JsonObject();
        obj["metadata"] = metadata;
        return metadata;
    }

    public static string? Get(JsonObject obj, string field) =>
        obj["metadata"]?[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static string Name(JsonObject obj) => Get(obj, "name") ?? "";

    public static string Namespace(JsonObject obj) => Get(obj, "namespace") ?? "";

    public static string Uid(JsonObject obj) => Get(obj, "uid") ?? "";

    public static bool IsTerminating(JsonObject obj) => Get(obj, "deletionTimestamp") is not null;

    public static IReadOnlyList<string> Finalizers(JsonObject obj) =>
        (obj["metadata"]?["finalizers"] as JsonArray ?? []).Select(f => (string?)f ?? "").ToList();

    public static IReadOnlyDictionary<string, string> Labels(JsonObject obj) =>
        (obj["metadata"]?["labels"] as JsonObject ?? [])
            .ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.TryGetValue<string>(out var s) ? s : "", StringComparer.Ordinal);

    /// <summary>The uids named by metadata.ownerReferences.</summary>
    public static IReadOnlyList<string> OwnerUids(JsonObject obj) =>
        (obj["metadata"]?["ownerReferences"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(r => (string?)r["uid"] ?? "")
            .Where(u => u.Length > 0)
            .ToList();

    public static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
