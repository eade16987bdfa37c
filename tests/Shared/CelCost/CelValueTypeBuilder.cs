using System.Text.Json.Nodes;

namespace K8sCertOperator.TestSupport.CelCost;

/// <summary>
/// Builds the <see cref="CelValueType"/> of a structural schema the way apiserver's SchemaDeclType does
/// (pkg/cel/common/schemas.go): list and map sizes from maxItems/maxProperties or else from how many of the
/// smallest element fit in a 3 MiB request; string lengths from maxLength or else the request size.
/// </summary>
internal static class CelValueTypeBuilder
{
    private const long RequestBody = CelCostLimits.MaxRequestSizeBytes - 2;

    /// <summary>The type, or null when the schema is not visible to CEL (no type, or items/values that are not).</summary>
    public static CelValueType? Build(JsonObject schema, bool isResourceRoot = false)
    {
        if (schema["x-kubernetes-int-or-string"]?.GetValue<bool>() == true)
        {
            return new CelValueType(CelValueKind.Dyn, MaxLength(schema) is { } max ? max * 4 : RequestBody, 1);
        }

        return schema["type"]?.GetValue<string>() switch
        {
            "object" => BuildObject(schema, isResourceRoot),
            "array" => BuildList(schema),
            "string" => BuildString(schema),
            "boolean" => new CelValueType(CelValueKind.Bool, 0, CelCostLimits.MinBoolSize),
            "integer" => new CelValueType(CelValueKind.Int, 0, CelCostLimits.MinNumberSize),
            "number" => new CelValueType(CelValueKind.Double, 0, CelCostLimits.MinNumberSize),
            _ => null,
        };
    }

    private static CelValueType? BuildList(JsonObject schema)
    {
        if (schema["items"] is not JsonObject itemsSchema || Build(itemsSchema, IsEmbedded(itemsSchema)) is not { } items)
        {
            return null;
        }

        var maxItems = schema["maxItems"]?.GetValue<long>() ?? RequestBody / (items.MinSerializedSize + 1);
        return new CelValueType(CelValueKind.List, Math.Max(0, maxItems), 2) { Element = items };
    }

    private static CelValueType? BuildObject(JsonObject schema, bool isResourceRoot)
    {
        if (schema["additionalProperties"] is JsonObject valuesSchema)
        {
            if (Build(valuesSchema, IsEmbedded(valuesSchema)) is not { } values)
            {
                return null;
            }

            // key, quotes, colon and comma around the smallest value (estimateMaxAdditionalPropertiesFromMinSize)
            var maxProperties = schema["maxProperties"]?.GetValue<long>() ?? RequestBody / (values.MinSerializedSize + 6);
            return new CelValueType(CelValueKind.Map, Math.Max(0, maxProperties), 2) { Element = values };
        }

        var required = (schema["required"] as JsonArray ?? []).Select(n => n!.GetValue<string>()).ToHashSet();
        var fields = new Dictionary<string, CelValueType>();
        long minSize = 2;
        foreach (var (name, node) in schema["properties"] as JsonObject ?? [])
        {
            var property = (JsonObject)node!;
            if (Build(property, IsEmbedded(property)) is not { } field)
            {
                continue;
            }

            fields[name] = field;
            if (required.Contains(name) && property["default"] == null)
            {
                minSize += name.Length + field.MinSerializedSize + 4;
            }
        }

        if (isResourceRoot)
        {
            // apiVersion, kind and metadata.name/generateName are always visible at a resource root (WithTypeAndObjectMeta)
            var text = new CelValueType(CelValueKind.String, RequestBody, CelCostLimits.MinStringSize);
            fields.TryAdd("apiVersion", text);
            fields.TryAdd("kind", text);
            fields["metadata"] = new CelValueType(CelValueKind.Object, 0, 2)
            {
                Fields = new Dictionary<string, CelValueType> { ["name"] = text, ["generateName"] = text },
            };
        }

        return new CelValueType(CelValueKind.Object, 0, minSize) { Fields = fields };
    }

    private static CelValueType BuildString(JsonObject schema)
    {
        var maxLength = MaxLength(schema);
        return schema["format"]?.GetValue<string>() switch
        {
            "byte" => new CelValueType(CelValueKind.Bytes, maxLength ?? RequestBody, CelCostLimits.MinStringSize),
            "duration" => new CelValueType(CelValueKind.Duration, CelCostLimits.MaxDurationSizeJson, CelCostLimits.MinDurationSizeJson),
            "date" => new CelValueType(CelValueKind.Timestamp, CelCostLimits.JsonDateSize, CelCostLimits.JsonDateSize),
            "date-time" => new CelValueType(CelValueKind.Timestamp, CelCostLimits.MaxDatetimeSizeJson, CelCostLimits.MinDatetimeSizeJson),
            // maxLength counts code points, the estimate bytes: ×4 (estimateMaxElementsFromMaxLength, since 1.29; 1.28 used
            // maxLength as is, so ×4 is the larger of the two). Enum lengths are used only by newer servers, so not here.
            _ => new CelValueType(CelValueKind.String, maxLength is { } max ? max * 4 : RequestBody, CelCostLimits.MinStringSize),
        };
    }

    private static long? MaxLength(JsonObject schema) =>
        schema["maxLength"]?.GetValue<long>() is { } max ? Math.Max(0, max) : null;

    private static bool IsEmbedded(JsonObject schema) =>
        schema["x-kubernetes-embedded-resource"]?.GetValue<bool>() == true;
}
