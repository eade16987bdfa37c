using System.Text.Json;
using System.Text.Json.Nodes;

namespace K8sCertOperator.Policies.Schema;

/// <summary>
/// Compares an object with the operator's schema for its kind: a field the schema does not have, or a value
/// outside the schema's enum or bounds, is unsupported; a field whose schema says it is accepted for cert-manager
/// compatibility and ignored is reported as ignored. Our schema also bounds what cert-manager's leaves open (list
/// sizes, lengths, patterns, ranges: <see cref="SchemaBounds"/>); CEL rules are not evaluated.
/// </summary>
public static class SchemaGaps
{
    /// <summary>The description prefix our CRDs give fields kept only so cert-manager manifests apply.</summary>
    public const string IgnoredMarker = "Accepted for cert-manager compatibility and ignored";

    /// <summary>Gaps under <paramref name="value"/>, a part of a <paramref name="kind"/> at <paramref name="path"/> described by <paramref name="schema"/>.</summary>
    public static IReadOnlyList<SchemaGap> Find(string kind, JsonNode? value, JsonObject schema, string path)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var gaps = new List<SchemaGap>();
        Walk(kind, value, schema, path, gaps);
        return gaps;
    }

    private static void Walk(string kind, JsonNode? value, JsonObject schema, string path, List<SchemaGap> gaps)
    {
        if (schema["x-kubernetes-preserve-unknown-fields"] is JsonValue preserve && preserve.GetValue<bool>())
        {
            return;
        }
        if (SchemaBounds.Violation(value, schema) is { } bound)
        {
            gaps.Add(new(path, FindingSeverity.Unsupported, bound));
        }
        switch (value)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                foreach (var (name, child) in obj)
                {
                    var childPath = path + "." + name;
                    if (properties[name] is not JsonObject childSchema)
                    {
                        // A switch of cert-manager's left off (false, its default) asks for nothing the operator lacks.
                        gaps.Add(child is JsonValue off && off.GetValueKind() == JsonValueKind.False
                            ? new(childPath, FindingSeverity.Ignored, SchemaGapMessages.UnknownSwitchOff(childPath))
                            : new(childPath, FindingSeverity.Unsupported, SchemaGapMessages.UnknownField(kind, childPath, child, properties)));
                    }
                    else if (childSchema["description"] is JsonValue d && d.GetValue<string>().StartsWith(IgnoredMarker, StringComparison.Ordinal))
                    {
                        gaps.Add(new(childPath, FindingSeverity.Ignored, d.GetValue<string>()));
                    }
                    else
                    {
                        Walk(kind, child, childSchema, childPath, gaps);
                    }
                }
                break;
            case JsonObject map when schema["additionalProperties"] is JsonObject valueSchema:
                foreach (var (name, child) in map)
                {
                    Walk(kind, child, valueSchema, $"{path}[{name}]", gaps);
                }
                break;
            case JsonArray array when schema["items"] is JsonObject itemSchema:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(kind, array[i], itemSchema, $"{path}[{i}]", gaps);
                }
                break;
        }
    }
}
