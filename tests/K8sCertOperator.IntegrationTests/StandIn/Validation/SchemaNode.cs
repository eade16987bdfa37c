using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>
/// One node of a CRD's structural openAPIV3Schema, read once when the CRD is registered: the constraints
/// kube-openapi checks, what pruning and defaulting need, and the node's compiled CEL rules.
/// </summary>
public sealed class SchemaNode
{
    public string Type { get; private init; } = "";

    public IReadOnlyList<KeyValuePair<string, SchemaNode>> Properties { get; private init; } = [];

    public IReadOnlyDictionary<string, SchemaNode> PropertyIndex { get; private init; } = new Dictionary<string, SchemaNode>();

    public SchemaNode? Items { get; private init; }

    /// <summary>Schema of map values (additionalProperties with a schema).</summary>
    public SchemaNode? AdditionalProperties { get; private init; }

    /// <summary>additionalProperties: true — any value is kept, unvalidated.</summary>
    public bool AdditionalPropertiesAllowed { get; private init; }

    public IReadOnlyList<string> Required { get; private init; } = [];

    public IReadOnlyList<JsonNode?> Enum { get; private init; } = [];

    public string? Pattern { get; private init; }

    public Regex? PatternRegex { get; private init; }

    public string? Format { get; private init; }

    public double? Minimum { get; private init; }

    public double? Maximum { get; private init; }

    public bool ExclusiveMinimum { get; private init; }

    public bool ExclusiveMaximum { get; private init; }

    public long? MinLength { get; private init; }

    public long? MaxLength { get; private init; }

    public long? MinItems { get; private init; }

    public long? MaxItems { get; private init; }

    public long? MinProperties { get; private init; }

    public long? MaxProperties { get; private init; }

    public bool Nullable { get; private init; }

    public bool IntOrString { get; private init; }

    public bool PreserveUnknownFields { get; private init; }

    public bool EmbeddedResource { get; private init; }

    public JsonNode? Default { get; private init; }

    /// <summary>x-kubernetes-list-type: atomic (default), set or map.</summary>
    public string ListType { get; private init; } = "atomic";

    public IReadOnlyList<string> ListMapKeys { get; private init; } = [];

    public IReadOnlyList<CelRule> Rules { get; private init; } = [];

    /// <summary>True when this node or any node below it carries CEL rules (lets the rule walk skip plain subtrees).</summary>
    public bool HasRulesBelow { get; private init; }

    /// <summary>The type name messages use: the declared type, or <c>integer,string</c> for int-or-string.</summary>
    public string TypeName => IntOrString ? "integer,string" : Type;

    /// <summary>Reads a schema (the JSON of a JSONSchemaProps) and compiles its patterns and CEL rules.</summary>
    public static SchemaNode Parse(JsonObject schema)
    {
        var properties = new List<KeyValuePair<string, SchemaNode>>();
        foreach (var (name, value) in schema["properties"] as JsonObject ?? [])
        {
            if (value is JsonObject child)
            {
                properties.Add(new(name, Parse(child)));
            }
        }
        var items = schema["items"] is JsonObject itemSchema ? Parse(itemSchema) : null;
        var additional = schema["additionalProperties"] as JsonObject;
        var additionalNode = additional is null ? null : Parse(additional);
        var rules = (schema["x-kubernetes-validations"] as JsonArray ?? []).OfType<JsonObject>().Select(CelRule.Compile).ToList();
        var pattern = (string?)schema["pattern"];
        var node = new SchemaNode
        {
            Type = (string?)schema["type"] ?? "",
            Properties = properties,
            PropertyIndex = properties.ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            Items = items,
            AdditionalProperties = additionalNode,
            AdditionalPropertiesAllowed = schema["additionalProperties"] is JsonValue allowed && allowed.TryGetValue<bool>(out var allows) && allows,
            Required = (schema["required"] as JsonArray ?? []).Select(r => (string?)r ?? "").ToList(),
            Enum = schema["enum"] is JsonArray values ? values.Select(v => v?.DeepClone()).ToList() : [],
            Pattern = pattern,
            PatternRegex = pattern is null ? null : new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)),
            Format = (string?)schema["format"],
            Minimum = JsonScalar.Number(schema["minimum"]),
            Maximum = JsonScalar.Number(schema["maximum"]),
            ExclusiveMinimum = Flag(schema, "exclusiveMinimum"),
            ExclusiveMaximum = Flag(schema, "exclusiveMaximum"),
            MinLength = Count(schema, "minLength"),
            MaxLength = Count(schema, "maxLength"),
            MinItems = Count(schema, "minItems"),
            MaxItems = Count(schema, "maxItems"),
            MinProperties = Count(schema, "minProperties"),
            MaxProperties = Count(schema, "maxProperties"),
            Nullable = Flag(schema, "nullable"),
            IntOrString = Flag(schema, "x-kubernetes-int-or-string"),
            PreserveUnknownFields = Flag(schema, "x-kubernetes-preserve-unknown-fields"),
            EmbeddedResource = Flag(schema, "x-kubernetes-embedded-resource"),
            Default = schema["default"]?.DeepClone(),
            ListType = (string?)schema["x-kubernetes-list-type"] ?? "atomic",
            ListMapKeys = (schema["x-kubernetes-list-map-keys"] as JsonArray ?? []).Select(k => (string?)k ?? "").ToList(),
            Rules = rules,
            HasRulesBelow = rules.Count > 0 || properties.Any(p => p.Value.HasRulesBelow) || items?.HasRulesBelow == true || additionalNode?.HasRulesBelow == true,
        };
        return node;
    }

    private static bool Flag(JsonObject schema, string name) =>
        schema[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    private static long? Count(JsonObject schema, string name) =>
        JsonScalar.Number(schema[name]) is { } number ? (long)number : null;
}
