using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace K8sCertOperator.TestSupport;

/// <summary>
/// Expands the corpus macros that keep huge inputs out of the data files: <c>$repeat(TEXT,N)</c>,
/// <c>$lines(TEXT,N)</c> inside strings and a list item <c>$range(N,FORMAT)</c>.
/// </summary>
internal static partial class CorpusMacros
{
    public static JsonNode? Expand(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(kv => KeyValuePair.Create(kv.Key, Expand(kv.Value)))),
        JsonArray array => new JsonArray(array.SelectMany(ExpandItem).ToArray()),
        JsonValue value when value.TryGetValue<string>(out var text) => JsonValue.Create(ExpandString(text)),
        _ => node?.DeepClone(),
    };

    public static string ExpandString(string text)
    {
        text = Repeat().Replace(text, m => Copies(m, ""));
        return Lines().Replace(text, m => Copies(m, "\n"));
    }

    private static IEnumerable<JsonNode?> ExpandItem(JsonNode? item)
    {
        if (item is JsonValue value && value.TryGetValue<string>(out var text) && Range().Match(text) is { Success: true } m)
        {
            var count = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var format = m.Groups[2].Value;
            return Enumerable.Range(0, count)
                .Select(i => (JsonNode?)JsonValue.Create(format.Replace("{i}", i.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)));
        }

        return [Expand(item)];
    }

    private static string Copies(Match m, string separator)
    {
        var count = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var piece = m.Groups[1].Value;
        var builder = new StringBuilder((piece.Length + separator.Length) * count);
        for (var i = 0; i < count; i++)
        {
            builder.Append(piece);
            if (i < count - 1)
            {
                builder.Append(separator);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"\$repeat\(([^,()]*),([0-9]+)\)")]
    private static partial Regex Repeat();

    [GeneratedRegex(@"\$lines\(([^,()]*),([0-9]+)\)")]
    private static partial Regex Lines();

    [GeneratedRegex(@"^\$range\(([0-9]+),(.*)\)$")]
    private static partial Regex Range();
}
