using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>
/// apimachinery's ValidateObjectMeta for every kind: the name (a DNS-1123 label for Namespaces, a subdomain
/// otherwise), generateName as a prefix of such a name, label keys and values, annotation keys and their total size,
/// and finalizer names.
/// </summary>
public static class ObjectMetaValidation
{
    /// <summary>kube-apiserver's TotalAnnotationSizeLimitB.</summary>
    public const int TotalAnnotationBytes = 256 * 1024;

    public static List<FieldError> Validate(JsonObject obj, bool nameIsLabel)
    {
        var errors = new List<FieldError>();
        var metadata = obj["metadata"] as JsonObject ?? [];
        var nameRule = nameIsLabel ? (Func<string, List<string>>)NameRules.Dns1123Label : NameRules.Dns1123Subdomain;
        if ((string?)metadata["generateName"] is { Length: > 0 } prefix)
        {
            // A prefix may end in '-' (the random suffix follows); upstream masks that dash before checking.
            var masked = prefix.EndsWith('-') ? prefix[..^1] + "a" : prefix;
            errors.AddRange(nameRule(masked).Select(m => FieldError.Invalid("metadata.generateName", prefix, m)));
        }
        // The generated name is checked too, after the prefix, as upstream does.
        if ((string?)metadata["name"] is { Length: > 0 } name)
        {
            errors.AddRange(nameRule(name).Select(m => FieldError.Invalid("metadata.name", name, m)));
        }
        foreach (var (key, value) in metadata["labels"] as JsonObject ?? [])
        {
            errors.AddRange(NameRules.QualifiedName(key).Select(m => FieldError.Invalid("metadata.labels", key, m)));
            var text = (string?)value ?? "";
            errors.AddRange(NameRules.LabelValue(text).Select(m => FieldError.Invalid("metadata.labels", text, m)));
        }
        var annotationBytes = 0;
        foreach (var (key, value) in metadata["annotations"] as JsonObject ?? [])
        {
            errors.AddRange(NameRules.QualifiedName(key.ToLowerInvariant()).Select(m => FieldError.Invalid("metadata.annotations", key, m)));
            annotationBytes += NameRules.Bytes(key) + NameRules.Bytes((string?)value ?? "");
        }
        if (annotationBytes > TotalAnnotationBytes)
        {
            errors.Add(FieldError.TooLongBytes("metadata.annotations", TotalAnnotationBytes));
        }
        foreach (var finalizer in (metadata["finalizers"] as JsonArray ?? []).Select(f => (string?)f ?? ""))
        {
            errors.AddRange(NameRules.QualifiedName(finalizer).Select(m => FieldError.Invalid("metadata.finalizers", finalizer, m)));
        }
        return errors;
    }
}
