using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace K8sCertOperator.Cli.Manifests;

/// <summary>
/// Reads Kubernetes manifests written in YAML (or JSON, which is YAML) into JSON, typing plain scalars by the YAML 1.2
/// core schema as the API server and kubectl do. Only the representation model is used: no reflection, so it is
/// safe in the NativeAOT build.
/// </summary>
public static partial class YamlManifest
{
    /// <summary>Every mapping document of a multi-document stream, as kubectl reads it.</summary>
    /// <exception cref="FormatException">The text is not YAML, or uses a construct manifests never need (anchors aside).</exception>
    public static IReadOnlyList<JsonObject> Documents(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
            return stream.Documents
                .Where(d => d.RootNode is YamlMappingNode)
                .Select(d => (JsonObject)Convert(d.RootNode)!)
                .ToList();
        }
        catch (YamlException e)
        {
            throw new FormatException($"not a YAML manifest: {e.Message}", e);
        }
    }

    /// <summary>The single document of <paramref name="text"/>; null when it is empty, and an error when there are several.</summary>
    public static JsonNode? Single(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new FormatException($"not a YAML manifest: {e.Message}", e);
        }

        return stream.Documents.Count switch
        {
            0 => null,
            1 => Convert(stream.Documents[0].RootNode),
            _ => throw new FormatException($"expected one document, found {stream.Documents.Count}"),
        };
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create((kv.Key as YamlScalarNode)?.Value ?? throw new FormatException($"a mapping key at {kv.Key.Start} is not a scalar"), Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new FormatException($"YAML node {node.NodeType} at {node.Start} is not supported"),
    };

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain)
        {
            return JsonValue.Create(text);
        }

        return text switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when IntPattern().IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
            _ when FloatPattern().IsMatch(text) => JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture)),
            _ => JsonValue.Create(text),
        };
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
