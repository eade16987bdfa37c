using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>
/// metadata.managedFields as kube-apiserver keeps them: one entry per manager, operation and subresource, with the
/// apiVersion written, a time, fieldsType FieldsV1 and the set of fields the write carried. The field set here lists
/// every field present in the written part (not a diff), which is plausible rather than exact.
/// </summary>
public static class ManagedFields
{
    /// <summary>Keeps the stored entries when a write leaves managedFields out, as the real server does.</summary>
    public static void CarryOver(JsonObject next, JsonObject? current)
    {
        var metadata = ObjectMeta.Metadata(next);
        if (metadata["managedFields"] is not JsonArray { Count: > 0 } && current?["metadata"]?["managedFields"] is JsonArray stored)
        {
            metadata["managedFields"] = stored.DeepClone();
        }
    }

    /// <summary>Adds or replaces the entry of this writer.</summary>
    public static void Record(JsonObject next, WriteContext context, string apiVersion, string? subresource)
    {
        var metadata = ObjectMeta.Metadata(next);
        var entries = metadata["managedFields"] as JsonArray ?? [];
        var kept = entries.OfType<JsonObject>()
            .Where(e => !((string?)e["manager"] == context.Manager && (string?)e["operation"] == context.Operation && (string?)e["subresource"] == subresource))
            .Select(e => (JsonNode)e.DeepClone())
            .ToList();
        var entry = new JsonObject
        {
            ["manager"] = context.Manager,
            ["operation"] = context.Operation,
            ["apiVersion"] = apiVersion,
            ["time"] = ObjectMeta.Timestamp(DateTimeOffset.UtcNow),
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = FieldSet(next, subresource),
        };
        if (subresource is not null)
        {
            entry["subresource"] = subresource;
        }
        kept.Add(entry);
        metadata["managedFields"] = new JsonArray([.. kept]);
    }

    private static JsonObject FieldSet(JsonObject obj, string? subresource)
    {
        var set = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key is "apiVersion" or "kind" || (subresource == "status") != (key == "status"))
            {
                continue;
            }
            if (key == "metadata" && value is JsonObject metadata)
            {
                var owned = new JsonObject();
                foreach (var field in new[] { "labels", "annotations", "finalizers", "ownerReferences" })
                {
                    if (metadata[field] is { } part)
                    {
                        owned["f:" + field] = Fields(part);
                    }
                }
                if (owned.Count > 0)
                {
                    set["f:metadata"] = owned;
                }
                continue;
            }
            set["f:" + key] = Fields(value);
        }
        return set;
    }

    private static JsonObject Fields(JsonNode? value)
    {
        var fields = new JsonObject();
        if (value is JsonObject map)
        {
            fields["."] = new JsonObject();
            foreach (var (key, child) in map)
            {
                fields["f:" + key] = Fields(child);
            }
        }
        return fields;
    }
}
