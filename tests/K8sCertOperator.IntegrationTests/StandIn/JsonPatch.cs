using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>RFC 6902 JSON patch: add, remove, replace, move, copy and test, with RFC 6901 pointers.</summary>
public static class JsonPatch
{
    /// <summary>
    /// Applies the operations to a copy of <paramref name="document"/>. A failing operation throws
    /// a 422 <see cref="ApiException"/>, as the real server answers an unappliable patch.
    /// </summary>
    public static JsonNode Apply(JsonNode document, JsonArray operations)
    {
        // A synthetic root lets "" (the whole document) be handled like any other member.
        var root = new JsonObject { ["$"] = document.DeepClone() };
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op)
            {
                throw Fail("each JSON patch operation must be an object");
            }
            var name = (string?)op["op"] ?? throw Fail("operation has no 'op'");
            var path = Pointer((string?)op["path"] ?? throw Fail("operation has no 'path'"));
            switch (name)
            {
                case "add":
                    Add(root, path, Value(op));
                    break;
                case "remove":
                    Remove(root, path);
                    break;
                case "replace":
                    Remove(root, path);
                    Add(root, path, Value(op));
                    break;
                case "move":
                    var from = Pointer((string?)op["from"] ?? throw Fail("move has no 'from'"));
                    var moved = Remove(root, from);
                    Add(root, path, moved);
                    break;
                case "copy":
                    var source = Pointer((string?)op["from"] ?? throw Fail("copy has no 'from'"));
                    Add(root, path, Resolve(root, source)?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Resolve(root, path), op["value"]))
                    {
                        throw Fail($"test operation failed at {op["path"]}");
                    }
                    break;
                default:
                    throw Fail($"unknown JSON patch operation '{name}'");
            }
        }
        return root["$"] ?? throw Fail("the patch removed the whole document");
    }

    private static JsonNode? Value(JsonObject op) =>
        op.ContainsKey("value") ? op["value"]?.DeepClone() : throw Fail("operation has no 'value'");

    private static List<string> Pointer(string pointer)
    {
        if (pointer.Length > 0 && pointer[0] != '/')
        {
            throw Fail($"invalid JSON pointer '{pointer}'");
        }
        var segments = new List<string> { "$" };
        if (pointer.Length > 0)
        {
            segments.AddRange(pointer[1..].Split('/').Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)));
        }
        return segments;
    }

    private static JsonNode? Resolve(JsonNode root, List<string> path)
    {
        JsonNode? node = root;
        foreach (var segment in path)
        {
            node = node switch
            {
                JsonObject o when o.TryGetPropertyValue(segment, out var child) => child,
                JsonArray a when int.TryParse(segment, out var i) && i >= 0 && i < a.Count => a[i],
                _ => throw Fail($"path segment '{segment}' does not exist"),
            };
        }
        return node;
    }

    private static void Add(JsonNode root, List<string> path, JsonNode? value)
    {
        var parent = Resolve(root, path[..^1]);
        var last = path[^1];
        switch (parent)
        {
            case JsonObject o:
                o.Remove(last);
                o[last] = value;
                break;
            case JsonArray a when last == "-":
                a.Add(value);
                break;
            case JsonArray a when int.TryParse(last, out var i) && i >= 0 && i <= a.Count:
                a.Insert(i, value);
                break;
            default:
                throw Fail($"cannot add at '{last}'");
        }
    }

    private static JsonNode? Remove(JsonNode root, List<string> path)
    {
        var parent = Resolve(root, path[..^1]);
        var last = path[^1];
        switch (parent)
        {
            case JsonObject o when o.TryGetPropertyValue(last, out var existing):
                o.Remove(last);
                return existing;
            case JsonArray a when int.TryParse(last, out var i) && i >= 0 && i < a.Count:
                var removed = a[i];
                a.RemoveAt(i);
                return removed;
            default:
                throw Fail($"cannot remove '{last}': it does not exist");
        }
    }

    private static ApiException Fail(string message) => new(422, "Invalid", $"the server rejected our request due to an error in our request: {message}");
}
