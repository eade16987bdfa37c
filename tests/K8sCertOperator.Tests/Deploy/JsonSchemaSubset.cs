using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace K8sCertOperator.Tests.Deploy;

/// <summary>
/// The JSON-schema keywords values.schema.json uses: type, required, properties, items, enum, minimum, maximum, pattern.
/// Unknown keywords are an error (so the schema cannot silently rely on something unchecked here).
/// </summary>
internal static class JsonSchemaSubset
{
    private static readonly HashSet<string> Keywords = ["$schema", "type", "required", "properties", "items", "enum", "minimum", "maximum", "pattern"];

    public static IReadOnlyList<string> Validate(JsonObject schema, JsonNode? value)
    {
        var errors = new List<string>();
        Check(schema, value, "$", errors);
        return errors;
    }

    private static void Check(JsonObject schema, JsonNode? value, string path, List<string> errors)
    {
        foreach (var key in schema.Select(kv => kv.Key).Where(k => !Keywords.Contains(k)))
        {
            errors.Add($"{path}: schema keyword '{key}' is not supported");
        }

        if (schema["type"]?.GetValue<string>() is { } type && !HasType(value, type))
        {
            errors.Add($"{path}: expected {type}, got {Describe(value)}");
            return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            errors.Add($"{path}: {value?.ToJsonString() ?? "null"} is not one of {allowed.ToJsonString()}");
        }

        if (schema["minimum"] is { } min && value is JsonValue number && number.GetValueKind() == JsonValueKind.Number
            && Number(number) is var n && n < Number(min))
        {
            errors.Add($"{path}: {n} is below the minimum {min}");
        }

        if (schema["maximum"] is { } max && value is JsonValue bounded && bounded.GetValueKind() == JsonValueKind.Number
            && Number(bounded) is var m && m > Number(max))
        {
            errors.Add($"{path}: {m} is above the maximum {max}");
        }

        // JSON Schema patterns are ECMA-262 regular expressions, unanchored unless they say ^...$.
        if (schema["pattern"]?.GetValue<string>() is { } pattern && value is JsonValue text && text.GetValueKind() == JsonValueKind.String
            && !System.Text.RegularExpressions.Regex.IsMatch(text.GetValue<string>(), pattern, System.Text.RegularExpressions.RegexOptions.ECMAScript))
        {
            errors.Add($"{path}: \"{text.GetValue<string>()}\" does not match {pattern}");
        }

        if (value is JsonObject obj)
        {
            foreach (var required in schema["required"]?.AsArray() ?? [])
            {
                if (!obj.ContainsKey(required!.GetValue<string>()))
                {
                    errors.Add($"{path}: required property '{required}' is missing");
                }
            }
            if (schema["properties"] is JsonObject properties)
            {
                foreach (var (name, child) in obj)
                {
                    if (properties[name] is JsonObject childSchema)
                    {
                        Check(childSchema, child, $"{path}.{name}", errors);
                    }
                }
            }
        }

        if (value is JsonArray array && schema["items"] is JsonObject items)
        {
            for (var i = 0; i < array.Count; i++)
            {
                Check(items, array[i], $"{path}[{i}]", errors);
            }
        }
    }

    private static bool HasType(JsonNode? value, string type) => type switch
    {
        "object" => value is JsonObject,
        "array" => value is JsonArray,
        "string" => value is JsonValue v && v.GetValueKind() == JsonValueKind.String,
        "boolean" => value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
        "integer" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && double.IsInteger(Number(v)),
        "number" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
        "null" => value is null,
        _ => throw new NotSupportedException($"schema type {type}"),
    };

    private static double Number(JsonNode number) => double.Parse(number.ToJsonString(), CultureInfo.InvariantCulture);

    private static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        _ => value.ToJsonString(),
    };
}
