using System.Text;
using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>
/// What kube-apiserver does to an object between decoding a write and storing it: the type's normalisation (Secret
/// stringData folded into data), custom-resource pruning, defaulting and schema/CEL validation, built-in validation,
/// and the omission of empty metadata maps and lists. Refusals are 422 Invalid with the real server's message.
/// </summary>
internal static class WriteAdmission
{
    private static readonly string[] OmittedWhenEmpty = ["labels", "annotations", "finalizers", "ownerReferences", "managedFields"];

    /// <summary>Normalises <paramref name="next"/> in place; throws <see cref="ApiException"/> (422) when the real server would refuse it.</summary>
    public static void Admit(ResourceType type, JsonObject next, JsonObject? current)
    {
        var errors = new List<FieldError>();
        if (type is { Group: "", Plural: "secrets" })
        {
            FoldStringData(next);
            // SetDefaults_Secret runs on every decode, so an update that leaves the type out keeps Opaque.
            if (string.IsNullOrEmpty((string?)next["type"]))
            {
                next["type"] = "Opaque";
            }
        }
        OmitEmpty(next, type);
        if (type.Validator is { } schema)
        {
            errors.AddRange(schema.Admit(next, current));
        }
        errors.AddRange(ObjectMetaValidation.Validate(next, nameIsLabel: type is { Group: "", Plural: "namespaces" }));
        if (type is { Group: "apiextensions.k8s.io", Plural: "customresourcedefinitions" })
        {
            errors.AddRange(CrdCostValidation.Validate(next));
        }
        if (type is { Group: "", Plural: "secrets" })
        {
            errors.AddRange(SecretValidation.Validate(next));
            if (current is not null)
            {
                errors.AddRange(SecretValidation.ValidateUpdate(next, current));
            }
        }
        if (errors.Count > 0)
        {
            throw ApiException.Invalid(type, ObjectMeta.Name(next), errors);
        }
    }

    /// <summary>Go's omitempty: empty metadata maps and lists (and a core object's empty data maps) are not stored.</summary>
    private static void OmitEmpty(JsonObject obj, ResourceType type)
    {
        if (obj["metadata"] is JsonObject metadata)
        {
            foreach (var field in OmittedWhenEmpty)
            {
                if (metadata[field] is JsonObject { Count: 0 } or JsonArray { Count: 0 } || (metadata.ContainsKey(field) && metadata[field] is null))
                {
                    metadata.Remove(field);
                }
            }
        }
        if (type.Group.Length == 0 && type.Plural is "secrets" or "configmaps")
        {
            foreach (var field in new[] { "data", "binaryData", "stringData" })
            {
                if (obj[field] is JsonObject { Count: 0 } || (obj.ContainsKey(field) && obj[field] is null))
                {
                    obj.Remove(field);
                }
            }
        }
    }

    /// <summary>A Secret's stringData is write-only: its entries overwrite data (base64-encoded) and it is never stored.</summary>
    private static void FoldStringData(JsonObject secret)
    {
        if (secret["stringData"] is not JsonObject strings)
        {
            secret.Remove("stringData");
            return;
        }
        var data = secret["data"] as JsonObject ?? [];
        foreach (var (key, value) in strings)
        {
            data[key] = Convert.ToBase64String(Encoding.UTF8.GetBytes((string?)value ?? ""));
        }
        secret.Remove("data");
        secret["data"] = data.DeepClone();
        secret.Remove("stringData");
    }
}
