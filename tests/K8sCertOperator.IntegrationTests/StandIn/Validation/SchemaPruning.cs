using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>
/// Removes what a structural schema does not declare, silently, as kube-apiserver does when it decodes a custom
/// resource (apiextensions' structural pruning), then drops nulls the schema does not allow and cannot default
/// (its PruneNonNullableNullsWithoutDefaults).
/// </summary>
public static class SchemaPruning
{
    /// <summary>Metadata fields a custom resource keeps (the fields of ObjectMeta); anything else under metadata is dropped.</summary>
    private static readonly HashSet<string> ObjectMetaFields =
    [
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers", "managedFields",
    ];

    /// <summary>Prunes a whole custom resource in place; apiVersion, kind and metadata are always kept at the root.</summary>
    public static void PruneObject(JsonObject obj, SchemaNode root)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            foreach (var key in metadata.Select(p => p.Key).Where(k => !ObjectMetaFields.Contains(k)).ToList())
            {
                metadata.Remove(key);
            }
        }
        Prune(obj, root, isRoot: true);
    }

    private static void Prune(JsonNode? value, SchemaNode schema, bool isRoot)
    {
        switch (value)
        {
            case JsonObject map:
                foreach (var key in map.Select(p => p.Key).ToList())
                {
                    if (isRoot && key is "apiVersion" or "kind" or "metadata")
                    {
                        continue;
                    }
                    var child = map[key];
                    if (schema.PropertyIndex.TryGetValue(key, out var property))
                    {
                        if (child is null && !property.Nullable && property.Default is null)
                        {
                            map.Remove(key);
                            continue;
                        }
                        Prune(child, property, isRoot: false);
                    }
                    else if (schema.AdditionalProperties is { } values)
                    {
                        if (child is null && !values.Nullable && values.Default is null)
                        {
                            map.Remove(key);
                            continue;
                        }
                        Prune(child, values, isRoot: false);
                    }
                    else if (!schema.PreserveUnknownFields && !schema.AdditionalPropertiesAllowed && !IsEmbeddedMeta(schema, key))
                    {
                        map.Remove(key);
                    }
                }
                break;
            case JsonArray list when schema.Items is { } items:
                foreach (var item in list)
                {
                    Prune(item, items, isRoot: false);
                }
                break;
        }
    }

    // An embedded resource keeps its apiVersion, kind and metadata even when the schema does not spell them out.
    private static bool IsEmbeddedMeta(SchemaNode schema, string key) =>
        schema.EmbeddedResource && key is "apiVersion" or "kind" or "metadata";
}
