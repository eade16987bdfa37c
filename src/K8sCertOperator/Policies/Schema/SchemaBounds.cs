using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace K8sCertOperator.Policies.Schema;

/// <summary>
/// The value constraints of one schema node (enum, maxLength, pattern, maxItems, maxProperties, minimum, maximum):
/// the operator's CRDs set them where cert-manager's leave values open, e.g. to keep CEL rules within their cost budget.
/// </summary>
public static class SchemaBounds
{
    private static readonly TimeSpan PatternTimeout = TimeSpan.FromSeconds(1);

    /// <summary>Why <paramref name="value"/> breaks a constraint of <paramref name="schema"/>; null when it keeps them all.</summary>
    public static string? Violation(JsonNode? value, JsonObject schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return value switch
        {
            JsonArray array when Limit(schema, "maxItems") is { } max && array.Count > max => $"{array.Count} items; this operator allows at most {max}",
            JsonObject obj when Limit(schema, "maxProperties") is { } max && obj.Count > max => $"{obj.Count} entries; this operator allows at most {max}",
            JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String => StringViolation(scalar.GetValue<string>(), schema),
            JsonValue scalar when Number(scalar) is { } number => NumberViolation(number, schema),
            _ => null,
        };
    }

    private static string? StringViolation(string text, JsonObject schema)
    {
        if (schema["enum"] is JsonArray allowed)
        {
            var names = allowed.Select(a => a?.ToString() ?? "").ToList();
            return names.Contains(text, StringComparer.Ordinal) ? null : $"value \"{text}\" is not supported (this operator allows: {string.Join(", ", names)})";
        }
        if (Limit(schema, "maxLength") is { } max && text.Length > max)
        {
            return $"{text.Length} characters; this operator allows at most {max}";
        }
        return schema["pattern"] is JsonValue p && !Matches(text, p.GetValue<string>())
            ? $"value \"{text}\" does not match this operator's pattern {p.GetValue<string>()}"
            : null;
    }

    private static string? NumberViolation(double number, JsonObject schema)
    {
        if (schema["minimum"] is JsonValue min && Number(min) is { } low && number < low)
        {
            return $"{number} is below this operator's minimum {min}";
        }
        return schema["maximum"] is JsonValue max && Number(max) is { } high && number > high ? $"{number} is above this operator's maximum {max}" : null;
    }

    // Numbers arrive as long, double or JSON elements depending on the reader; their JSON text reads the same.
    private static double? Number(JsonValue value) =>
        value.GetValueKind() == JsonValueKind.Number ? double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) : null;

    private static long? Limit(JsonObject schema, string name) => schema[name] is JsonValue v && Number(v) is { } limit ? (long)limit : null;

    // A pattern .NET cannot read, or one that runs too long, is no finding: the schema is ours and tested elsewhere.
    private static bool Matches(string text, string pattern)
    {
        try
        {
            return Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, PatternTimeout);
        }
        catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
        {
            return true;
        }
    }
}
