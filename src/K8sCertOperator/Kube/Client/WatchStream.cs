using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace K8sCertOperator.Kube.Client;

/// <summary>
/// Reads a watch response: one JSON event per line, <c>{"type": ..., "object": ...}</c>. An ERROR event
/// carries a Status (410 Gone for a resourceVersion that is too old) and is thrown as <see cref="KubeApiException"/>.
/// </summary>
internal static class WatchStream
{
    public static async IAsyncEnumerable<(WatchEventKind Type, T Object)> ReadAsync<T>(
        Stream body, JsonTypeInfo<T> typeInfo, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body);
        for (; ; )
        {
            var line = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (line is null)
            {
                yield break;
            }
            if (line.Length == 0)
            {
                continue;
            }
            yield return Parse(line, typeInfo);
        }
    }

    /// <summary>One event line; separate so the parsing is tested without a stream.</summary>
    public static (WatchEventKind Type, T Object) Parse<T>(string line, JsonTypeInfo<T> typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(line);
        }
        catch (JsonException e)
        {
            throw new KubeApiException(KubeApiErrorKind.Other, null, "watch stream sent malformed JSON: " + e.Message, e);
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var typeProperty) || typeProperty.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("object", out var obj))
            {
                throw new KubeApiException(KubeApiErrorKind.Other, null, "watch event without type or object");
            }
            var type = Kind(typeProperty.GetString()!);
            if (type == WatchEventKind.Error)
            {
                throw StatusError(obj);
            }
            var value = obj.Deserialize(typeInfo) ?? throw new KubeApiException(KubeApiErrorKind.Other, null, "watch event with a null object");
            return (type, value);
        }
    }

    private static WatchEventKind Kind(string type) => type switch
    {
        "ADDED" => WatchEventKind.Added,
        "MODIFIED" => WatchEventKind.Modified,
        "DELETED" => WatchEventKind.Deleted,
        "BOOKMARK" => WatchEventKind.Bookmark,
        "ERROR" => WatchEventKind.Error,
        _ => throw new KubeApiException(KubeApiErrorKind.Other, null, $"unknown watch event type '{type}'"),
    };

    private static KubeApiException StatusError(JsonElement status)
    {
        var code = status.ValueKind == JsonValueKind.Object && status.TryGetProperty("code", out var c) && c.TryGetInt32(out var n) ? n : 500;
        return KubeApiErrors.FromStatus((HttpStatusCode)code, status);
    }
}
