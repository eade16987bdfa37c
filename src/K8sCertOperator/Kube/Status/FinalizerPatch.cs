using System.Text.Json;
using System.Text.Json.Nodes;

namespace K8sCertOperator.Kube.Status;

/// <summary>Builds the merge patch that adds or removes a finalizer, guarded by a resourceVersion precondition.</summary>
public static class FinalizerPatch
{
    /// <summary>
    /// The patch JSON, or null when nothing needs to change. A merge patch replaces the whole list, so the
    /// resourceVersion is included: the server rejects the patch (409) if the list changed meanwhile.
    /// </summary>
    public static string? Build(IEnumerable<string>? currentFinalizers, string finalizer, bool present, string? resourceVersion)
    {
        ArgumentException.ThrowIfNullOrEmpty(finalizer);
        var current = currentFinalizers?.ToList() ?? [];
        var has = current.Contains(finalizer, StringComparer.Ordinal);
        if (has == present)
        {
            return null;
        }

        var updated = present ? [.. current, finalizer] : current.Where(f => !string.Equals(f, finalizer, StringComparison.Ordinal)).ToList();
        var metadata = new JsonObject
        {
            // An empty list (not null) so the server clears the field rather than ignoring the key.
            ["finalizers"] = new JsonArray([.. updated.Select(f => (JsonNode?)JsonValue.Create(f))]),
        };
        if (!string.IsNullOrEmpty(resourceVersion))
        {
            metadata["resourceVersion"] = resourceVersion;
        }

        return new JsonObject { ["metadata"] = metadata }.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }
}
