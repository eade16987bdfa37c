using System.Text.Json;
using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>
/// JSON scalars as the Go server decodes them into unstructured content: whole numbers become int64, others float64.
/// </summary>
public static class JsonScalar
{
    /// <summary>The schema type name of a JSON value: object, array, string, integer, number, boolean, or null.</summary>
    public static string TypeOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "object",
        JsonArray => "array",
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => IsWholeNumberText(value) ? "integer" : "number",
            _ => "null",
        },
        _ => "null",
    };

    /// <summary>A .NET scalar for a JSON value: string, long, double, bool, or null.</summary>
    public static object? ToClr(JsonValue value) => value.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number when IsWholeNumberText(value) && long.TryParse(value.ToJsonString(), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var whole) => whole,
        JsonValueKind.Number => double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture),
        _ => null,
    };

    /// <summary>The numeric value as a double, or null when the node is not a number.</summary>
    public static double? Number(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number
            ? double.Parse(value.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture)
            : null;

    private static bool IsWholeNumberText(JsonValue value)
    {
        var text = value.ToJsonString();
        return text.IndexOfAny(['.', 'e', 'E']) < 0;
    }
}
