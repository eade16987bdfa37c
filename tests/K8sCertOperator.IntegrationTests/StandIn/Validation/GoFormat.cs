using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>
/// Prints values the way the Go API server's messages print them: strings with strconv.Quote, numbers and booleans
/// with %v, and maps/lists roughly as %#v of unstructured JSON.
/// </summary>
public static class GoFormat
{
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var rune in text.EnumerateRunes())
        {
            switch (rune.Value)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case '\a': builder.Append("\\a"); break;
                case '\b': builder.Append("\\b"); break;
                case '\f': builder.Append("\\f"); break;
                case '\v': builder.Append("\\v"); break;
                default:
                    if (rune.Value < 0x20 || rune.Value == 0x7f)
                    {
                        builder.Append(CultureInfo.InvariantCulture, $"\\x{rune.Value:x2}");
                    }
                    else if (Rune.GetUnicodeCategory(rune) is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.OtherNotAssigned)
                    {
                        builder.Append(rune.Value > 0xffff
                            ? "\\U" + rune.Value.ToString("x8", CultureInfo.InvariantCulture)
                            : "\\u" + rune.Value.ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(rune.ToString());
                    }
                    break;
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>A value as field.Error prints it after "Invalid value: ".</summary>
    public static string Value(object? value) => value switch
    {
        null => Quote("null"),
        string text => Quote(text),
        bool flag => flag ? "true" : "false",
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        JsonNode node => Node(node, top: true),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Node(JsonNode? node, bool top) => node switch
    {
        null => top ? Quote("null") : "interface {}(nil)",
        JsonObject map => "map[string]interface {}{" + string.Join(", ", map.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{Quote(p.Key)}:{Node(p.Value, top: false)}")) + "}",
        JsonArray list => "[]interface {}{" + string.Join(", ", list.Select(i => Node(i, top: false))) + "}",
        JsonValue scalar => Scalar(scalar, top),
        _ => node.ToJsonString(),
    };

    private static string Scalar(JsonValue scalar, bool top)
    {
        var plain = JsonScalar.ToClr(scalar);
        if (top)
        {
            return Value(plain);
        }
        return plain switch
        {
            string text => Quote(text),
            long number => $"{number.ToString(CultureInfo.InvariantCulture)}",
            double number => $"{number.ToString("R", CultureInfo.InvariantCulture)}",
            bool flag => flag ? "true" : "false",
            _ => scalar.ToJsonString(),
        };
    }
}
