using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>
/// Applies schema <c>default</c>s in place, as apiextensions' structural defaulting does: inside every object that is
/// present, a property that is absent (or null where null is not allowed) gets a copy of its default, and the walk
/// then continues into the (possibly defaulted) children.
/// </summary>
public static class SchemaDefaulting
{
    public static void Apply(JsonNode? value, SchemaNode schema)
    {
        switch (value)
        {
            case JsonObject map:
                foreach (var (name, property) in schema.Properties)
                {
                    if (property.Default is null)
                    {
                        continue;
                    }
                    if (!map.TryGetPropertyValue(name, out var current) || (current is null && !property.Nullable))
                    {
                        map[name] = property.Default.DeepClone();
                    }
                }
                foreach (var (key, child) in map.ToList())
                {
                    if (schema.PropertyIndex.TryGetValue(key, out var property))
                    {
                        Apply(child, property);
                    }
                    else if (schema.AdditionalProperties is { } values)
                    {
                        Apply(child, values);
                    }
                }
                break;
            case JsonArray list when schema.Items is { } items:
                foreach (var item in list)
                {
                    Apply(item, items);
                }
                break;
        }
    }
}
