using System.Text.RegularExpressions;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>
/// The label selector language of LIST/WATCH <c>?labelSelector=</c>: =, ==, !=, in, notin, key, !key,
/// requirements joined by commas (all must hold).
/// </summary>
public sealed partial class LabelSelector
{
    private readonly IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> _requirements;

    private LabelSelector(IReadOnlyList<Func<IReadOnlyDictionary<string, string>, bool>> requirements) =>
        _requirements = requirements;

    /// <summary>The selector that matches everything.</summary>
    public static LabelSelector Everything { get; } = new([]);

    /// <summary>Parses a selector; throws a 400 BadRequest <see cref="ApiException"/> when malformed.</summary>
    public static LabelSelector Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Everything;
        }
        var requirements = new List<Func<IReadOnlyDictionary<string, string>, bool>>();
        foreach (var part in SplitTopLevel(text))
        {
            requirements.Add(ParseRequirement(part.Trim(), text));
        }
        return new LabelSelector(requirements);
    }

    /// <summary>True when every requirement holds for the labels.</summary>
    public bool Matches(IReadOnlyDictionary<string, string> labels) => _requirements.All(r => r(labels));

    private static Func<IReadOnlyDictionary<string, string>, bool> ParseRequirement(string part, string whole)
    {
        var set = SetRequirement().Match(part);
        if (set.Success)
        {
            var key = set.Groups["key"].Value;
            var values = set.Groups["values"].Value.Split(',').Select(v => v.Trim()).ToHashSet(StringComparer.Ordinal);
            return set.Groups["op"].Value == "in"
                ? labels => labels.TryGetValue(key, out var v) && values.Contains(v)
                : labels => !labels.TryGetValue(key, out var v) || !values.Contains(v);
        }
        var compare = CompareRequirement().Match(part);
        if (compare.Success)
        {
            var key = compare.Groups["key"].Value;
            var value = compare.Groups["value"].Value;
            return compare.Groups["op"].Value == "!="
                ? labels => !labels.TryGetValue(key, out var v) || v != value
                : labels => labels.TryGetValue(key, out var v) && v == value;
        }
        var exists = ExistsRequirement().Match(part);
        if (exists.Success)
        {
            var key = exists.Groups["key"].Value;
            return exists.Groups["not"].Success
                ? labels => !labels.ContainsKey(key)
                : labels => labels.ContainsKey(key);
        }
        throw ApiException.BadRequest($"unable to parse requirement: found '{part}' in label selector '{whole}'");
    }

    // Commas separate requirements except inside the parentheses of in/notin.
    private static IEnumerable<string> SplitTopLevel(string text)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (text[i] == ',' && depth == 0)
            {
                yield return text[start..i];
                start = i + 1;
            }
        }
        yield return text[start..];
    }

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_./-]+)\s+(?<op>in|notin)\s*\((?<values>[^()]*)\)$")]
    private static partial Regex SetRequirement();

    [GeneratedRegex(@"^(?<key>[A-Za-z0-9_./-]+)\s*(?<op>==|!=|=)\s*(?<value>[A-Za-z0-9_.-]*)$")]
    private static partial Regex CompareRequirement();

    [GeneratedRegex(@"^(?<not>!)?\s*(?<key>[A-Za-z0-9_./-]+)$")]
    private static partial Regex ExistsRequirement();
}
