using System.Text.Json.Nodes;

namespace K8sCertOperator.Cli.Migration;

/// <summary>
/// Converts one manifest between the cert-manager and k8scert spellings of the API. The kinds and every field are
/// the same in both, so only names carrying the group change: <c>apiVersion</c> (also in ownerReferences),
/// <c>issuerRef.group</c>, annotation and label keys anywhere in the object (metadata, secretTemplate, solver
/// templates), finalizers, and the value of an <c>issuer-group</c> annotation. Objects of other APIs keep their
/// apiVersion; nothing else is touched. Pure: the input is not modified.
/// </summary>
public static class ManifestConverter
{

    public static JsonObject Convert(JsonObject manifest, ManifestApi to)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var copy = manifest.DeepClone().AsObject();
        Rewrite(copy, to);
        return copy;
    }

    private static void Rewrite(JsonObject obj, ManifestApi to)
    {
        foreach (var (name, value) in obj.ToList())
        {
            switch (name)
            {
                case "apiVersion" when value is JsonValue v && v.TryGetValue<string>(out var apiVersion):
                    obj[name] = GroupDomains.ApiVersion(apiVersion, to);
                    break;
                case "annotations" or "labels" when value is JsonObject map:
                    obj[name] = RewriteKeys(map, to);
                    break;
                case "finalizers" when value is JsonArray finalizers:
                    obj[name] = new JsonArray([.. finalizers.Select(f => f is JsonValue fv && fv.TryGetValue<string>(out var s) ? JsonValue.Create(GroupDomains.Key(s, to)) : f?.DeepClone())]);
                    break;
                case "issuerRef" when value is JsonObject issuerRef:
                    if (issuerRef["group"] is JsonValue g && g.TryGetValue<string>(out var group))
                    {
                        issuerRef["group"] = GroupDomains.Group(group, to);
                    }
                    break;
                default:
                    RewriteChild(value, to);
                    break;
            }
        }
    }

    private static void RewriteChild(JsonNode? value, ManifestApi to)
    {
        if (value is JsonObject child)
        {
            Rewrite(child, to);
        }
        else if (value is JsonArray array)
        {
            RewriteArray(array, to);
        }
    }

    private static void RewriteArray(JsonArray array, ManifestApi to)
    {
        foreach (var item in array)
        {
            RewriteChild(item, to);
        }
    }

    // Keys keep their order; a value that is not a string map (not an annotation map after all) is left alone.
    private static JsonObject RewriteKeys(JsonObject map, ManifestApi to)
    {
        var result = new JsonObject();
        foreach (var (key, value) in map)
        {
            var newKey = GroupDomains.Key(key, to);
            var newValue = value?.DeepClone();
            if (newKey == GroupDomains.Domain(to) + "/issuer-group" && value is JsonValue v && v.TryGetValue<string>(out var group))
            {
                newValue = JsonValue.Create(GroupDomains.Group(group, to));
            }
            result[newKey] = newValue;
        }
        return result;
    }
}
