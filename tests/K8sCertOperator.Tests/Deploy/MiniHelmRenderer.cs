using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace K8sCertOperator.Tests.Deploy;

/// <summary>
/// Renders the chart's templates without a helm binary. It understands only the subset the chart
/// may use (<see cref="AllowedWords"/>): value paths, include/define, if/else/range/end, toYaml,
/// nindent, quote, default, int/gt for the PodDisruptionBudget condition and eq for the API mode. Anything else throws,
/// so a template that drifts outside the subset fails the tests instead of rendering wrongly.
/// </summary>
internal sealed partial class MiniHelmRenderer
{
    public static readonly IReadOnlySet<string> AllowedWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "if", "else", "end", "range", "define", "include", "toYaml", "nindent", "quote", "default", "int", "gt", "eq",
    };

    private readonly JsonObject _root;
    private readonly Dictionary<string, List<Node>> _defines = new(StringComparer.Ordinal);

    public MiniHelmRenderer(JsonObject values, string releaseName, string releaseNamespace, JsonObject chart)
    {
        _root = new JsonObject
        {
            ["Values"] = values.DeepClone(),
            ["Release"] = new JsonObject { ["Name"] = releaseName, ["Namespace"] = releaseNamespace, ["Service"] = "Helm" },
            ["Chart"] = new JsonObject { ["Name"] = chart["name"]?.DeepClone(), ["Version"] = chart["version"]?.DeepClone(), ["AppVersion"] = chart["appVersion"]?.DeepClone() },
        };
    }

    /// <summary>Reads the {{ define }} blocks of a helpers file.</summary>
    public void AddHelpers(string helpersText) => RenderNodes(Parse(helpersText), _root);

    public string Render(string template) => RenderNodes(Parse(template), _root);

    /// <summary>The action texts ({{ ... }} without delimiters and trim markers) of a template; comments excluded.</summary>
    public static IEnumerable<string> Actions(string template) =>
        ActionPattern().Matches(template).Select(m => m.Groups["body"].Value.Trim()).Where(a => !a.StartsWith("/*", StringComparison.Ordinal));

    /// <summary>The identifiers (function or keyword) an action uses; value paths and literals are not words.</summary>
    public static IEnumerable<string> Words(string action) =>
        Tokenize(action).Where(t => t is not ("(" or ")" or "|") && !t.StartsWith('.') && !t.StartsWith('$') && !t.StartsWith('"') && !char.IsDigit(t[0]));

    private abstract record Node;

    private sealed record TextNode(string Text) : Node;

    private sealed record OutputNode(List<string> Tokens) : Node;

    private sealed record IfNode(List<string> Condition, List<Node> Then, List<Node> Else) : Node;

    private sealed record RangeNode(List<string> Source, List<Node> Body) : Node;

    private sealed record DefineNode(string Name, List<Node> Body) : Node;

    private static List<Node> Parse(string template)
    {
        var parts = new List<(bool IsAction, string Text)>();
        var pos = 0;
        foreach (Match m in ActionPattern().Matches(template))
        {
            var text = template[pos..m.Index];
            if (m.Groups["ltrim"].Success)
            {
                text = text.TrimEnd();
            }
            parts.Add((false, text));
            parts.Add((true, m.Groups["body"].Value.Trim()));
            pos = m.Index + m.Length;
            if (m.Groups["rtrim"].Success)
            {
                while (pos < template.Length && char.IsWhiteSpace(template[pos]))
                {
                    pos++;
                }
            }
        }
        parts.Add((false, template[pos..]));
        var index = 0;
        var nodes = ParseBlock(parts, ref index, out var terminator);
        if (terminator is not null)
        {
            throw new FormatException($"unexpected {{{{ {terminator} }}}}");
        }
        return nodes;
    }

    private static List<Node> ParseBlock(List<(bool IsAction, string Text)> parts, ref int index, out string? terminator)
    {
        var nodes = new List<Node>();
        while (index < parts.Count)
        {
            var (isAction, text) = parts[index++];
            if (!isAction)
            {
                nodes.Add(new TextNode(text));
                continue;
            }
            if (text.StartsWith("/*", StringComparison.Ordinal))
            {
                continue;
            }
            var tokens = Tokenize(text);
            switch (tokens[0])
            {
                case "end" or "else":
                    terminator = tokens[0];
                    return nodes;
                case "if":
                    var then = ParseBlock(parts, ref index, out var t1);
                    var otherwise = new List<Node>();
                    if (t1 == "else")
                    {
                        otherwise = ParseBlock(parts, ref index, out t1);
                    }
                    Expect(t1, "if");
                    nodes.Add(new IfNode(tokens[1..], then, otherwise));
                    break;
                case "range":
                    var body = ParseBlock(parts, ref index, out var t2);
                    Expect(t2, "range");
                    nodes.Add(new RangeNode(tokens[1..], body));
                    break;
                case "define":
                    var defined = ParseBlock(parts, ref index, out var t3);
                    Expect(t3, "define");
                    nodes.Add(new DefineNode(Unquote(tokens[1]), defined));
                    break;
                default:
                    nodes.Add(new OutputNode(tokens));
                    break;
            }
        }
        terminator = null;
        return nodes;
    }

    private static void Expect(string? terminator, string block)
    {
        if (terminator != "end")
        {
            throw new FormatException($"{{{{ {block} }}}} is not closed by {{{{ end }}}}");
        }
    }

    private string RenderNodes(List<Node> nodes, JsonNode? dot)
    {
        var sb = new StringBuilder();
        foreach (var node in nodes)
        {
            switch (node)
            {
                case TextNode text:
                    sb.Append(text.Text);
                    break;
                case OutputNode output:
                    sb.Append(Stringify(EvalPipeline(output.Tokens, dot)));
                    break;
                case IfNode branch:
                    sb.Append(RenderNodes(IsTruthy(EvalPipeline(branch.Condition, dot)) ? branch.Then : branch.Else, dot));
                    break;
                case RangeNode range:
                    foreach (var item in (EvalPipeline(range.Source, dot) as JsonArray) ?? [])
                    {
                        sb.Append(RenderNodes(range.Body, item));
                    }
                    break;
                case DefineNode define:
                    _defines[define.Name] = define.Body;
                    break;
            }
        }
        return sb.ToString();
    }

    private object? EvalPipeline(List<string> tokens, JsonNode? dot)
    {
        object? value = null;
        var first = true;
        foreach (var command in SplitTopLevel(tokens))
        {
            value = EvalCommand(command, dot, first ? null : new Piped(value));
            first = false;
        }
        return value;
    }

    private sealed record Piped(object? Value);

    private object? EvalCommand(List<string> tokens, JsonNode? dot, Piped? piped)
    {
        var name = tokens[0];
        if (!AllowedWords.Contains(name))
        {
            if (tokens.Count != 1 || piped is not null)
            {
                throw new FormatException($"unsupported command '{string.Join(' ', tokens)}'");
            }
            return EvalTerm(tokens, 0, dot, out _);
        }
        var args = new List<object?>();
        for (var i = 1; i < tokens.Count;)
        {
            args.Add(EvalTerm(tokens, i, dot, out i));
        }
        if (piped is not null)
        {
            args.Add(piped.Value);
        }
        return name switch
        {
            "include" => RenderNodes(_defines[(string)args[0]!], args[1] as JsonNode),
            "toYaml" => HelmYaml.ToYaml(args[0] as JsonNode, 0).TrimEnd('\n'),
            "nindent" => "\n" + Indent(Convert.ToInt32(args[0], CultureInfo.InvariantCulture), Stringify(args[1])),
            "quote" => "\"" + Stringify(args[0]).Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"",
            "default" => IsTruthy(args[1]) ? args[1] : args[0],
            "int" => Convert.ToInt64(Stringify(args[0]), CultureInfo.InvariantCulture),
            "eq" => Stringify(args[0]) == Stringify(args[1]),
            "gt" => Convert.ToInt64(Stringify(args[0]), CultureInfo.InvariantCulture) > Convert.ToInt64(Stringify(args[1]), CultureInfo.InvariantCulture),
            _ => throw new FormatException($"unsupported function {name}"),
        };
    }

    private object? EvalTerm(List<string> tokens, int i, JsonNode? dot, out int next)
    {
        var token = tokens[i];
        if (token == "(")
        {
            var depth = 0;
            var j = i;
            for (; j < tokens.Count; j++)
            {
                depth += tokens[j] == "(" ? 1 : tokens[j] == ")" ? -1 : 0;
                if (depth == 0)
                {
                    break;
                }
            }
            next = j + 1;
            return EvalPipeline(tokens[(i + 1)..j], dot);
        }
        next = i + 1;
        if (token.StartsWith('"'))
        {
            return Unquote(token);
        }
        if (char.IsDigit(token[0]))
        {
            return long.Parse(token, CultureInfo.InvariantCulture);
        }
        var node = token.StartsWith('$') ? _root : dot;
        foreach (var part in token.TrimStart('$').Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = (node as JsonObject)?[part];
        }
        return node;
    }

    private static IEnumerable<List<string>> SplitTopLevel(List<string> tokens)
    {
        var current = new List<string>();
        var depth = 0;
        foreach (var token in tokens)
        {
            depth += token == "(" ? 1 : token == ")" ? -1 : 0;
            if (token == "|" && depth == 0)
            {
                yield return current;
                current = [];
                continue;
            }
            current.Add(token);
        }
        yield return current;
    }

    private static List<string> Tokenize(string action) =>
        TokenPattern().Matches(action).Select(m => m.Value).ToList();

    private static string Unquote(string token) => token.Trim('"');

    private static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        string s => s.Length > 0,
        JsonObject o => o.Count > 0,
        JsonArray a => a.Count > 0,
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => s.Length > 0,
        JsonValue v when v.TryGetValue<long>(out var l) => l != 0,
        _ => true,
    };

    private static string Stringify(object? value) => value switch
    {
        null => "",
        bool b => b ? "true" : "false",
        string s => s,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonValue v when v.TryGetValue<bool>(out var b) => b ? "true" : "false",
        JsonNode n => n.ToJsonString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static string Indent(int width, string text) =>
        string.Join('\n', text.Split('\n').Select(line => line.Length == 0 ? line : new string(' ', width) + line));

    [GeneratedRegex(@"\{\{(?<ltrim>-)?(?<body>.*?)(?<rtrim>-)?\}\}", RegexOptions.Singleline)]
    private static partial Regex ActionPattern();

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""|\(|\)|\||[^\s()|]+")]
    private static partial Regex TokenPattern();
}
