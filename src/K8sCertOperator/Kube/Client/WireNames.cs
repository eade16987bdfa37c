using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using K8sCertOperator.Api;

namespace K8sCertOperator.Kube.Client;

/// <summary>
/// Renames what a non-native <see cref="ApiFlavor"/> spells differently, at the API boundary: the object's
/// apiVersion, and in its metadata the domain-qualified annotation, label and finalizer keys, owner reference
/// apiVersions, and on writes annotation values that are a native group name (issuer-group). Reads arrive with native
/// keys; writes, merge patches and label selectors leave in wire names. Spec and status are never touched.
/// </summary>
public sealed partial class WireNames
{
    // cert-manager before its domain-qualified finalizer (feature UseDomainQualifiedFinalizer): read as today's name,
    // so a Challenge cert-manager left in flight is finalized, and written back in the current spelling.
    private static readonly Dictionary<string, string> LegacyFinalizers = new(StringComparer.Ordinal)
    {
        ["finalizer.acme.cert-manager.io"] = "acme.cert-manager.io/finalizer",
    };

    private readonly ApiFlavor _flavor;

    public WireNames(ApiFlavor flavor)
    {
        ArgumentNullException.ThrowIfNull(flavor);
        _flavor = flavor;
    }

    /// <summary>Renames for <paramref name="flavor"/>, or null when it is native (nothing to rename).</summary>
    public static WireNames? For(ApiFlavor? flavor) => flavor is null || flavor.IsNative ? null : new WireNames(flavor);

    /// <summary>Renames a freshly read object in place to native names; returns it.</summary>
    public T Read<T>(T obj)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(obj);
        obj.ApiVersion = obj.ApiVersion is null ? null : _flavor.FromWireKey(obj.ApiVersion);
        if (obj.Metadata is { } meta)
        {
            // Values are left as read: a group in issuer-group or in an Ingress annotation is compared as either
            // spelling, and one copied into a spec must stay the served group.
            meta.Annotations = RenameKeys(meta.Annotations);
            meta.Labels = RenameKeys(meta.Labels);
            meta.Finalizers = meta.Finalizers?.Select(f => _flavor.FromWireKey(LegacyFinalizers.GetValueOrDefault(f, f))).Distinct(StringComparer.Ordinal).ToList();
            foreach (var owner in meta.OwnerReferences ?? [])
            {
                owner.ApiVersion = owner.ApiVersion is null ? null : _flavor.FromWireKey(owner.ApiVersion);
            }
        }

        return obj;
    }

    /// <summary>A serialized object or merge patch with its apiVersion and metadata in wire names.</summary>
    public string Write(string json)
    {
        if (JsonNode.Parse(json) is not JsonObject root)
        {
            return json;
        }

        RenameApiVersion(root);
        if (root["involvedObject"] is JsonObject involved)
        {
            // An Event about one of our objects points at it by its wire apiVersion.
            RenameApiVersion(involved);
        }

        if (root["metadata"] is JsonObject meta)
        {
            RenameKeys(meta, "annotations", renameValue: true);
            RenameKeys(meta, "labels", renameValue: false);
            if (meta["finalizers"] is JsonArray finalizers)
            {
                var renamed = new JsonArray();
                foreach (var finalizer in finalizers.Select(f => f?.GetValue<string>() ?? string.Empty).ToList())
                {
                    renamed.Add((JsonNode?)JsonValue.Create(_flavor.ToWireKey(finalizer)));
                }

                meta["finalizers"] = renamed;
            }

            foreach (var owner in (meta["ownerReferences"] as JsonArray ?? []).OfType<JsonObject>())
            {
                RenameApiVersion(owner);
            }
        }

        return root.ToJsonString();
    }

    /// <summary>A label selector with its keys in wire names (label values cannot contain '/', so every "domain/" is a key prefix).</summary>
    public string? Selector(string? labelSelector) =>
        labelSelector is null ? null : KeyPrefix().Replace(labelSelector, m => _flavor.ToWireDomain(m.Groups[1].Value) + "/");

    private void RenameApiVersion(JsonObject node)
    {
        if (node["apiVersion"] is JsonValue apiVersion && apiVersion.TryGetValue<string>(out var version))
        {
            node["apiVersion"] = _flavor.ToWireKey(version);
        }
    }

    private void RenameKeys(JsonObject meta, string property, bool renameValue)
    {
        if (meta[property] is not JsonObject map)
        {
            return;
        }

        var renamed = new JsonObject();
        foreach (var (key, value) in map.ToList())
        {
            map.Remove(key);
            renamed[_flavor.ToWireKey(key)] = renameValue && value is JsonValue text && text.TryGetValue<string>(out var s) && IsGroupValue(s)
                ? JsonValue.Create(_flavor.ToWireDomain(s))
                : value;
        }

        meta[property] = renamed;
    }

    // An object can carry a key in both spellings (cert-manager.io/x and k8scert.io/x, e.g. on a Secret or Ingress
    // touched by both APIs during a migration): both read as the same native key, and the served spelling wins.
    private Dictionary<string, string>? RenameKeys(IDictionary<string, string>? map)
    {
        if (map is null)
        {
            return null;
        }

        var renamed = new Dictionary<string, string>(map.Count, StringComparer.Ordinal);
        foreach (var (key, value) in map.OrderBy(kv => _flavor.FromWireKey(kv.Key) == kv.Key ? 0 : 1))
        {
            renamed[_flavor.FromWireKey(key)] = value;
        }

        return renamed;
    }

    // Only a whole native group name is renamed as a value (issuer-group defaulted to ours); any other value is user data.
    private static bool IsGroupValue(string value) => value is ApiGroups.Cert or ApiGroups.Acme;

    [GeneratedRegex(@"([A-Za-z0-9][A-Za-z0-9.\-]*)/")]
    private static partial Regex KeyPrefix();
}
