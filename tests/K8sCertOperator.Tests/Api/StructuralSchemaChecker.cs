using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace K8sCertOperator.Tests.Api;

/// <summary>
/// Checks the rules the API server applies to apiextensions.k8s.io/v1 schemas that can be checked
/// offline: every node typed (or explicitly free-form), only known keywords, required names exist,
/// enum/default values fit the type, and CEL rules only reference fields of their own node.
/// </summary>
internal static partial class StructuralSchemaChecker
{
    private static readonly HashSet<string> AllowedKeywords =
    [
        "description", "type", "format", "properties", "required", "items", "additionalProperties", "enum",
        "default", "pattern", "minLength", "maxLength", "minimum", "maximum", "minItems", "maxItems",
        "minProperties", "maxProperties", "nullable", "example",
        "x-kubernetes-preserve-unknown-fields", "x-kubernetes-list-type", "x-kubernetes-list-map-keys",
        "x-kubernetes-map-type", "x-kubernetes-validations", "x-kubernetes-int-or-string", "x-kubernetes-embedded-resource",
    ];

    private static readonly HashSet<string> Types = ["object", "array", "string", "integer", "number", "boolean"];

    public static List<string> Check(JsonObject root)
    {
        var problems = new List<string>();
        if (root["properties"]?["metadata"] is JsonObject metadata &&
            (metadata.Count != 1 || metadata["type"]?.GetValue<string>() != "object"))
        {
            problems.Add("metadata: must be exactly {type: object}; the API server owns its schema");
        }

        CheckNode(root, "", problems);
        return problems;
    }

    private static void CheckNode(JsonObject node, string path, List<string> problems)
    {
        foreach (var key in node.Select(kv => kv.Key).Where(k => !AllowedKeywords.Contains(k)))
        {
            problems.Add($"{path}: unknown schema keyword '{key}'");
        }

        var type = node["type"]?.GetValue<string>();
        var freeForm = node["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true;
        if (type == null && !freeForm)
        {
            problems.Add($"{path}: no type (structural schemas need one)");
        }
        else if (type != null && !Types.Contains(type))
        {
            problems.Add($"{path}: unknown type '{type}'");
        }

        if (node["properties"] is JsonObject properties)
        {
            if (type != "object")
            {
                problems.Add($"{path}: properties on a non-object");
            }

            if (node["additionalProperties"] != null)
            {
                problems.Add($"{path}: properties and additionalProperties are mutually exclusive");
            }

            foreach (var (name, child) in properties)
            {
                CheckNode((JsonObject)child!, $"{path}.{name}", problems);
            }
        }

        foreach (var name in (node["required"] as JsonArray ?? []).Select(n => n!.GetValue<string>()))
        {
            if (node["properties"]?[name] == null)
            {
                problems.Add($"{path}: required '{name}' is not a property");
            }
        }

        if (node["items"] is JsonObject items)
        {
            if (type != "array")
            {
                problems.Add($"{path}: items on a non-array");
            }

            CheckNode(items, path + "[]", problems);
        }
        else if (type == "array")
        {
            problems.Add($"{path}: array without items");
        }

        if (node["additionalProperties"] is JsonObject additional)
        {
            CheckNode(additional, path + "{}", problems);
        }

        foreach (var value in node["enum"] as JsonArray ?? [])
        {
            CheckValueType(value, type, $"{path} enum", problems);
        }

        if (node["default"] is { } defaultValue)
        {
            CheckValueType(defaultValue, type, $"{path} default", problems);
            if (node["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, defaultValue)))
            {
                problems.Add($"{path}: default {defaultValue.ToJsonString()} is not in the enum");
            }
        }

        if (node["pattern"] is { } pattern)
        {
            try
            {
                _ = new Regex(pattern.GetValue<string>());
            }
            catch (ArgumentException e)
            {
                problems.Add($"{path}: pattern does not compile: {e.Message}");
            }
        }

        CheckValidations(node, path, problems);
    }

    private static void CheckValidations(JsonObject node, string path, List<string> problems)
    {
        foreach (var validation in node["x-kubernetes-validations"] as JsonArray ?? [])
        {
            var rule = validation?["rule"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(rule) || validation?["message"] == null)
            {
                problems.Add($"{path}: x-kubernetes-validations entry needs rule and message");
                continue;
            }

            // Only direct fields of self are checked; deeper paths would need a CEL type checker.
            foreach (Match match in SelfField().Matches(rule))
            {
                var field = match.Groups[1].Value;
                if (node["properties"]?[field] == null)
                {
                    problems.Add($"{path}: rule references self.{field}, which is not a property");
                }
            }
        }
    }

    private static void CheckValueType(JsonNode? value, string? type, string path, List<string> problems)
    {
        var kind = value?.GetValueKind();
        var ok = type switch
        {
            "string" => kind == System.Text.Json.JsonValueKind.String,
            "integer" or "number" => kind == System.Text.Json.JsonValueKind.Number,
            "boolean" => kind is System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False,
            "object" => kind == System.Text.Json.JsonValueKind.Object,
            "array" => kind == System.Text.Json.JsonValueKind.Array,
            _ => true,
        };
        if (!ok)
        {
            problems.Add($"{path}: value {value?.ToJsonString()} does not match type {type}");
        }
    }

    // A name followed by "(" is a function or macro on self (self.all(...)), not a field.
    [GeneratedRegex(@"\bself\.([A-Za-z_][A-Za-z0-9_]*)\b(?!\s*\()")]
    private static partial Regex SelfField();
}
