using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace K8sCertOperator.Tests.Api;

/// <summary>
/// Validates a manifest against a CRD schema the way the API server's OpenAPI validation and pruning
/// would (types, unknown fields, required, enum, pattern, lengths, ranges). CEL rules are not evaluated.
/// </summary>
internal static class SchemaInstanceValidator
{
    public static List<string> Validate(JsonObject schema, JsonNode? instance)
    {
        var problems = new List<string>();
        Validate(schema, instance, "", problems);
        return problems;
    }

    private static void Validate(JsonObject schema, JsonNode? value, string path, List<string> problems)
    {
        if (schema["x-kubernetes-preserve-unknown-fields"]?.GetValue<bool>() == true && schema["type"] == null)
        {
            return;
        }

        var type = schema["type"]!.GetValue<string>();
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        switch (type)
        {
            case "object" when kind == JsonValueKind.Object:
                ValidateObject(schema, value!.AsObject(), path, problems);
                break;
            case "array" when kind == JsonValueKind.Array:
                var index = 0;
                foreach (var item in value!.AsArray())
                {
                    Validate((JsonObject)schema["items"]!, item, $"{path}[{index++}]", problems);
                }

                break;
            case "string" when kind == JsonValueKind.String:
                ValidateString(schema, value!.GetValue<string>(), path, problems);
                break;
            case "integer" when kind == JsonValueKind.Number && value!.AsValue().TryGetValue<long>(out var number):
                if (schema["minimum"] is { } min && number < min.GetValue<long>())
                {
                    problems.Add($"{path}: {number} is below the minimum {min}");
                }

                if (schema["maximum"] is { } max && number > max.GetValue<long>())
                {
                    problems.Add($"{path}: {number} is above the maximum {max}");
                }

                break;
            case "boolean" when kind is JsonValueKind.True or JsonValueKind.False:
                break;
            default:
                problems.Add($"{path}: expected {type}, got {kind}");
                return;
        }

        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
        {
            problems.Add($"{path}: {value?.ToJsonString()} is not one of {allowed.ToJsonString()}");
        }
    }

    private static void ValidateObject(JsonObject schema, JsonObject value, string path, List<string> problems)
    {
        foreach (var name in (schema["required"] as JsonArray ?? []).Select(n => n!.GetValue<string>()))
        {
            if (!value.ContainsKey(name))
            {
                problems.Add($"{path}: required field '{name}' is missing");
            }
        }

        if (schema["additionalProperties"] is JsonObject valueSchema)
        {
            foreach (var (name, child) in value)
            {
                Validate(valueSchema, child, $"{path}.{name}", problems);
            }

            return;
        }

        var properties = schema["properties"] as JsonObject;
        if (properties == null)
        {
            return; // metadata: the API server validates it, not the CRD.
        }

        foreach (var (name, child) in value)
        {
            if (properties[name] is JsonObject childSchema)
            {
                Validate(childSchema, child, $"{path}.{name}", problems);
            }
            else
            {
                problems.Add($"{path}.{name}: unknown field (the API server would prune it)");
            }
        }
    }

    private static void ValidateString(JsonObject schema, string text, string path, List<string> problems)
    {
        if (schema["pattern"] is { } pattern && !Regex.IsMatch(text, pattern.GetValue<string>()))
        {
            problems.Add($"{path}: \"{text}\" does not match {pattern}");
        }

        if (schema["maxLength"] is { } maxLength && text.Length > maxLength.GetValue<long>())
        {
            problems.Add($"{path}: longer than {maxLength}");
        }

        if (schema["minLength"] is { } minLength && text.Length < minLength.GetValue<long>())
        {
            problems.Add($"{path}: shorter than {minLength}");
        }

        if (schema["format"]?.GetValue<string>() == "byte" && !IsBase64(text))
        {
            problems.Add($"{path}: not base64");
        }
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out _);
    }
}
