using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace K8sCertOperator.Cli.Ops;

/// <summary>
/// A small JSON-to-YAML writer for -o yaml. Strings are written as double-quoted JSON strings, which YAML
/// accepts unchanged, so no value can be misread (e.g. "yes", "1.0", or a leading '*').
/// </summary>
public static class YamlText
{
    public static string Write(JsonNode? node)
    {
        var text = new StringBuilder();
        WriteNode(text, node, 0, inSequence: false);
        return text.ToString();
    }

    private static void WriteNode(StringBuilder text, JsonNode? node, int indent, bool inSequence)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0:
                var first = true;
                foreach (var (key, value) in obj)
                {
                    if (!(first && inSequence))
                    {
                        text.Append(' ', indent);
                    }
                    first = false;
                    text.Append(Scalar(JsonValue.Create(key))).Append(':');
                    WriteChild(text, value, indent);
                }
                break;
            case JsonArray array when array.Count > 0:
                foreach (var item in array)
                {
                    text.Append(' ', indent).Append("- ");
                    if (item is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
                    {
                        if (item is JsonArray)
                        {
                            text.Append('\n');
                            WriteNode(text, item, indent + 2, inSequence: false);
                        }
                        else
                        {
                            WriteNode(text, item, indent + 2, inSequence: true);
                        }
                    }
                    else
                    {
                        text.Append(Scalar(item)).Append('\n');
                    }
                }
                break;
            default:
                text.Append(' ', inSequence ? 0 : indent).Append(Scalar(node)).Append('\n');
                break;
        }
    }

    private static void WriteChild(StringBuilder text, JsonNode? value, int indent)
    {
        if (value is JsonObject { Count: > 0 } or JsonArray { Count: > 0 })
        {
            text.Append('\n');
            WriteNode(text, value, indent + 2, inSequence: false);
        }
        else
        {
            text.Append(' ').Append(Scalar(value)).Append('\n');
        }
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "{}",
        JsonArray => "[]",
        // Escaped as the default serializer would, without its reflection path.
        JsonValue v when v.GetValueKind() == JsonValueKind.String => "\"" + JsonEncodedText.Encode(v.GetValue<string>()).Value + "\"",
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValueKind() == JsonValueKind.True ? "true" : "false",
        _ => node.ToJsonString(),
    };
}
