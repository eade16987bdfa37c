using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Policies.Schema;

namespace K8sCertOperator.Controllers.SpecSupport;

/// <summary>
/// In a non-native API mode (cert-manager's CRDs), what of an object's spec the operator lacks
/// (<see cref="UnsupportedFieldPolicy"/>). The typed models drop fields they do not know, so the object is read once
/// more as plain JSON, once per generation (the spec changes only with it) and kept by name and UID; in the operator's own
/// mode the API server already holds objects to the operator's schema and nothing is read.
/// </summary>
public sealed class UnsupportedFieldCheck
{
    private readonly KubeTransport _transport;
    private readonly ResourcePath _path;
    private readonly string _kind;
    private readonly ConcurrentDictionary<Kube.ObjectKey, (string? Uid, long? Generation, UnsupportedFieldVerdict? Verdict)> _seen = new();

    private UnsupportedFieldCheck(KubeTransport transport, ResourcePath path, string kind)
    {
        _transport = transport;
        _path = path;
        _kind = kind;
    }

    /// <summary>The check for <paramref name="native"/> objects served in <paramref name="flavor"/>; null when it is native.</summary>
    public static UnsupportedFieldCheck? For(IKubernetes client, ApiFlavor flavor, ResourceDescriptor native)
    {
        ArgumentNullException.ThrowIfNull(flavor);
        ArgumentNullException.ThrowIfNull(native);
        if (flavor.IsNative)
        {
            return null;
        }

        var wire = flavor.Resolve(native);
        return new UnsupportedFieldCheck(new KubeTransport(client), new ResourcePath(wire.Group, wire.Version, wire.Plural, wire.Namespaced), native.Kind);
    }

    /// <summary>What blocks <paramref name="obj"/>, or null (also when it is gone). API errors propagate: the reconcile retries.</summary>
    public async Task<UnsupportedFieldVerdict?> EvaluateAsync(IKubernetesObject<V1ObjectMeta> obj, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var meta = obj.Metadata;
        var key = new Kube.ObjectKey(meta.NamespaceProperty, meta.Name);
        if (_seen.TryGetValue(key, out var seen) && seen.Uid == meta.Uid && seen.Generation == meta.Generation)
        {
            return seen.Verdict;
        }

        using var document = await _transport.GetJsonAsync(_path.Item(meta.NamespaceProperty, meta.Name), cancellationToken).ConfigureAwait(false);
        if (document is null)
        {
            _seen.TryRemove(key, out _);
            return null;
        }

        var raw = JsonNode.Parse(document.RootElement.GetRawText()) as JsonObject;
        var verdict = UnsupportedFieldPolicy.Evaluate(_kind, raw?["spec"]);
        // Kept under the generation read: the cache may be behind it, and the next reconcile then reads again.
        _seen[key] = (raw?["metadata"]?["uid"]?.GetValue<string>(), raw?["metadata"]?["generation"]?.GetValue<long>(), verdict);
        return verdict;
    }

    /// <summary>Drops what is kept for a deleted object.</summary>
    public void Forget(Kube.ObjectKey key) => _seen.TryRemove(key, out _);
}
