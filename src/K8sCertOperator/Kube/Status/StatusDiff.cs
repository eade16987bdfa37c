using System.Text;
using System.Text.Json;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Kube.Status;

/// <summary>Decides whether a status write is needed by comparing the serialized status of two objects.</summary>
public static class StatusDiff
{
    private static readonly byte[] Null = "null"u8.ToArray();

    /// <summary>
    /// True when the "status" fields differ as JSON. Missing, null and empty-object statuses count as equal,
    /// so a no-op mutation never causes a write (and the watch event it would trigger). Only the status is
    /// serialized (not the whole object, whose spec may carry a CSR), and equal bytes skip the JSON comparison.
    /// </summary>
    public static bool HasChanged<T>(T before, T after)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var a = StatusJson(before);
        var b = StatusJson(after);
        return !a.AsSpan().SequenceEqual(b) && Differ(a, b);
    }

    /// <summary>Same comparison on raw JSON status values (used by tests and by callers holding JSON).</summary>
    public static bool HasChanged(string? beforeStatusJson, string? afterStatusJson) =>
        Differ(
            string.IsNullOrEmpty(beforeStatusJson) ? Null : Encoding.UTF8.GetBytes(beforeStatusJson),
            string.IsNullOrEmpty(afterStatusJson) ? Null : Encoding.UTF8.GetBytes(afterStatusJson));

    // The object's top-level "status" property through the serializer's own metadata, so the JSON is what the API sees.
    private static byte[] StatusJson<T>(T obj)
        where T : class
    {
        var info = KubeJson.TypeInfo<T>();
        foreach (var property in info.Properties)
        {
            if (property.Name == "status" && property.Get is { } get)
            {
                return get(obj) is { } status
                    ? JsonSerializer.SerializeToUtf8Bytes(status, KubeJson.Options.GetTypeInfo(property.PropertyType))
                    : Null;
            }
        }

        // Metadata without a getter (or no typed property at all): read the field from the whole object's JSON.
        using var document = JsonDocument.Parse(JsonSerializer.SerializeToUtf8Bytes(obj, info));
        return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("status", out var field)
            ? Encoding.UTF8.GetBytes(field.GetRawText())
            : Null;
    }

    private static bool Differ(byte[] before, byte[] after)
    {
        using var a = JsonDocument.Parse(before);
        using var b = JsonDocument.Parse(after);
        return IsEmpty(a.RootElement) != IsEmpty(b.RootElement)
            || (!IsEmpty(a.RootElement) && !JsonElement.DeepEquals(a.RootElement, b.RootElement));
    }

    private static bool IsEmpty(JsonElement status) =>
        status.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
        || (status.ValueKind == JsonValueKind.Object && !status.EnumerateObject().Any());
}
