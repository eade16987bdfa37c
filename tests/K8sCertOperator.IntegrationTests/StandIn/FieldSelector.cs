using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>
/// LIST/WATCH <c>?fieldSelector=</c>: comma-joined <c>path=value</c>, <c>path==value</c>, <c>path!=value</c>
/// over dotted JSON paths such as <c>metadata.name</c>, <c>metadata.namespace</c> or <c>type</c>.
/// </summary>
/// <remarks>
/// A real server accepts only a per-kind list of field paths; any dotted path is accepted here,
/// which is more lenient but never matches differently for the supported ones.
/// </remarks>
public sealed class FieldSelector
{
    private readonly IReadOnlyList<(string[] Path, bool Equal, string Value)> _terms;

    private FieldSelector(IReadOnlyList<(string[] Path, bool Equal, string Value)> terms) => _terms = terms;

    /// <summary>The selector that matches everything.</summary>
    public static FieldSelector Everything { get; } = new([]);

    /// <summary>Parses a selector; throws a 400 BadRequest <see cref="ApiException"/> when malformed.</summary>
    public static FieldSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var terms = new List<(string[], bool, string)>();
        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            var (op, index) = FindOperator(part);
            if (index <= 0)
            {
                throw ApiException.BadRequest($"invalid field selector: '{part}'");
            }
            terms.Add((part[..index].Trim().Split('.'), op != "!=", part[(index + op.Length)..].Trim()));
        }
        return new FieldSelector(terms);
    }

    /// <summary>True when every term holds; a missing field compares as the empty string.</summary>
    public bool Matches(JsonObject obj) => _terms.All(t => (Lookup(obj, t.Path) == t.Value) == t.Equal);

    private static (string Op, int Index) FindOperator(string part)
    {
        foreach (var op in new[] { "!=", "==", "=" })
        {
            var index = part.IndexOf(op, StringComparison.Ordinal);
            if (index >= 0)
            {
                return (op, index);
            }
        }
        return ("", -1);
    }

    private static string Lookup(JsonObject obj, string[] path)
    {
        JsonNode? node = obj;
        foreach (var segment in path)
        {
            node = node is JsonObject o ? o[segment] : null;
        }
        return node switch
        {
            null => "",
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => node.ToJsonString(),
        };
    }
}
