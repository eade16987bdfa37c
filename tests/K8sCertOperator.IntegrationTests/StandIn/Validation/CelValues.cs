using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>JSON as the Cel library takes it: maps as dictionaries, lists as lists, whole numbers as long.</summary>
public static class CelValues
{
    public static object? From(JsonNode? node) => node switch
    {
        null => null,
        JsonObject map => map.ToDictionary(p => p.Key, p => From(p.Value), StringComparer.Ordinal),
        JsonArray list => list.Select(From).ToList(),
        JsonValue scalar => JsonScalar.ToClr(scalar),
        _ => null,
    };

    /// <summary>
    /// <c>self</c> at the root of a custom resource: CEL sees apiVersion, kind and only metadata.name and
    /// metadata.generateName there (apiextensions' WithTypeAndObjectMeta).
    /// </summary>
    public static object? Root(JsonObject obj)
    {
        var self = (Dictionary<string, object?>)From(obj)!;
        var metadata = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var field in new[] { "name", "generateName" })
        {
            if (obj["metadata"]?[field] is JsonValue value)
            {
                metadata[field] = JsonScalar.ToClr(value);
            }
        }
        self["metadata"] = metadata;
        return self;
    }
}
