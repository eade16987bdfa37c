using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>
/// The x-kubernetes-list-type invariants (apiextensions' structurallisttype.ValidateListSetsAndMaps): a set holds no
/// item twice and a map list no two items with the same keys, each repeat reported as Duplicate value at its index.
/// </summary>
public static class ListTypeValidation
{
    public static void Validate(JsonNode? value, SchemaNode schema, string path, List<FieldError> errors)
    {
        switch (value)
        {
            case JsonObject map:
                foreach (var (key, child) in map)
                {
                    if (schema.PropertyIndex.TryGetValue(key, out var property))
                    {
                        Validate(child, property, path.Length == 0 ? key : $"{path}.{key}", errors);
                    }
                    else if (schema.AdditionalProperties is { } values)
                    {
                        Validate(child, values, $"{path}[{key}]", errors);
                    }
                }
                break;
            case JsonArray list when schema.Items is { } items:
                var seen = new List<JsonNode?>();
                for (var i = 0; i < list.Count; i++)
                {
                    var identity = schema.ListType switch
                    {
                        "set" => list[i],
                        "map" when list[i] is JsonObject item => KeysOf(item, schema.ListMapKeys),
                        _ => null,
                    };
                    if (identity is not null)
                    {
                        if (seen.Any(s => JsonNode.DeepEquals(s, identity)))
                        {
                            errors.Add(FieldError.Duplicate($"{path}[{i}]", identity));
                        }
                        seen.Add(identity);
                    }
                    Validate(list[i], items, $"{path}[{i}]", errors);
                }
                break;
        }
    }

    private static JsonObject KeysOf(JsonObject item, IReadOnlyList<string> keys)
    {
        var identity = new JsonObject();
        foreach (var key in keys)
        {
            if (item[key] is { } value)
            {
                identity[key] = value.DeepClone();
            }
        }
        return identity;
    }
}
