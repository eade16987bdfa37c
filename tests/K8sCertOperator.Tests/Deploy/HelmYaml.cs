using System.Text;
using System.Text.Json.Nodes;

namespace K8sCertOperator.Tests.Deploy;

/// <summary>helm's toYaml for the renderer: block-style YAML of a values subtree.</summary>
internal static class HelmYaml
{
    /// <summary>Block-style YAML; strings are always double-quoted (JSON escaping is valid YAML).</summary>
    public static string ToYaml(JsonNode? node, int indent)
    {
        var pad = new string(' ', indent);
        var sb = new StringBuilder();
        switch (node)
        {
            case JsonObject o when o.Count > 0:
                foreach (var (key, value) in o)
                {
                    sb.Append(pad).Append(key).Append(':');
                    AppendChild(sb, value, indent + 2);
                }
                break;
            case JsonArray a when a.Count > 0:
                foreach (var item in a)
                {
                    sb.Append(pad).Append('-');
                    AppendChild(sb, item, indent + 2);
                }
                break;
            default:
                sb.Append(pad).Append(Scalar(node)).Append('\n');
                break;
        }
        return sb.ToString();
    }

    private static void AppendChild(StringBuilder sb, JsonNode? value, int indent)
    {
        if (value is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
        {
            sb.Append('\n').Append(ToYaml(value, indent));
        }
        else
        {
            sb.Append(' ').Append(Scalar(value)).Append('\n');
        }
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        _ => node.ToJsonString(),
    };
}
