using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using k8s;
using k8s.Models;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Tests.Kube.Fakes;

/// <summary>
/// In-memory fake of OUR <see cref="IResourceApi{T}"/> (not of the API server): a versioned store with an
/// event log, so tests can drive watch resumption, 410 Gone, bookmarks, failures and optimistic concurrency.
/// </summary>
public sealed partial class FakeResourceApi<T> : IResourceApi<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly object _gate = new();
    private readonly Dictionary<ObjectKey, T> _store = [];
    private readonly List<(long Rv, WatchEventKind Type, T Obj)> _log = [];
    private readonly List<Watcher> _watchers = [];
    private readonly Queue<Exception> _watchFailures = new();
    private long _rv = 100;
    private long _compactedThrough;

    public List<string?> WatchResourceVersions { get; } = [];

    public int ListCalls { get; private set; }

    public int ReplaceStatusCalls { get; private set; }

    public int PatchCalls { get; private set; }

    public int CreateCalls { get; private set; }

    /// <summary>When set, every mutating call throws this (to test callers that must not throw).</summary>
    public Exception? FailAllWrites { get; set; }

    /// <summary>When set, every status write conflicts.</summary>
    public bool AlwaysConflictOnStatus { get; set; }

    public int ActiveWatches
    {
        get
        {
            lock (_gate)
            {
                return _watchers.Count;
            }
        }
    }

    public string CurrentResourceVersion
    {
        get
        {
            lock (_gate)
            {
                return _rv.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    public T? Peek(string? ns, string name)
    {
        lock (_gate)
        {
            return _store.TryGetValue(new ObjectKey(ns, name), out var o) ? Clone(o) : null;
        }
    }

    public IReadOnlyList<T> All()
    {
        lock (_gate)
        {
            return [.. _store.Values.Select(Clone)];
        }
    }

    public Task<ResourceList<T>> ListAsync(string? @namespace, string? labelSelector, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ListCalls++;
            var items = _store.Values.Where(o => Matches(o, @namespace, labelSelector)).Select(Clone).ToList();
            return Task.FromResult(new ResourceList<T>(items, _rv.ToString(CultureInfo.InvariantCulture)));
        }
    }

    public Task<T?> GetAsync(string? @namespace, string name, CancellationToken cancellationToken) => Task.FromResult(Peek(@namespace, name));

    public Task<T> CreateAsync(T obj, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            CreateCalls++;
            ThrowIfWritesFail();
            var key = ObjectKey.From(obj);
            if (_store.ContainsKey(key))
            {
                throw new KubeApiException(KubeApiErrorKind.AlreadyExists, HttpStatusCode.Conflict, "already exists");
            }

            var stored = Clone(obj);
            stored.Metadata.Uid ??= Guid.NewGuid().ToString();
            stored.Metadata.Generation = 1;
            return Task.FromResult(CommitLocked(key, stored, WatchEventKind.Added));
        }
    }

    public Task<T> ReplaceAsync(T obj, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfWritesFail();
            var (key, existing) = ExistingForWriteLocked(obj.Namespace(), obj.Name(), obj.ResourceVersion());
            var node = ToNode(obj);
            node["status"] = ToNode(existing)["status"]?.DeepClone();
            var stored = FromNode(node);
            stored.Metadata.Generation = (existing.Metadata.Generation ?? 1) + 1;
            return Task.FromResult(CommitLocked(key, stored, WatchEventKind.Modified));
        }
    }

    public Task<T> ReplaceStatusAsync(T obj, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ReplaceStatusCalls++;
            ThrowIfWritesFail();
            if (AlwaysConflictOnStatus)
            {
                throw new KubeApiException(KubeApiErrorKind.Conflict, HttpStatusCode.Conflict, "conflict (injected)");
            }

            var (key, existing) = ExistingForWriteLocked(obj.Namespace(), obj.Name(), obj.ResourceVersion());
            var node = ToNode(existing);
            node["status"] = ToNode(obj)["status"]?.DeepClone();
            return Task.FromResult(CommitLocked(key, FromNode(node), WatchEventKind.Modified));
        }
    }

    public Task<T> PatchAsync(string? @namespace, string name, string mergePatchJson, CancellationToken cancellationToken) =>
        Patch(@namespace, name, mergePatchJson, status: false);

    public Task<T> PatchStatusAsync(string? @namespace, string name, string mergePatchJson, CancellationToken cancellationToken) =>
        Patch(@namespace, name, mergePatchJson, status: true);

    public Task<bool> DeleteAsync(string? @namespace, string name, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            ThrowIfWritesFail();
            var key = new ObjectKey(@namespace, name);
            if (!_store.Remove(key, out var existing))
            {
                return Task.FromResult(false);
            }

            var gone = Clone(existing);
            gone.Metadata.ResourceVersion = (++_rv).ToString(CultureInfo.InvariantCulture);
            AppendLocked(WatchEventKind.Deleted, gone);
            return Task.FromResult(true);
        }
    }

    /// <summary>Deletes without touching the event log, as if it happened while history was compacted away.</summary>
    public void DeleteSilently(string? ns, string name)
    {
        lock (_gate)
        {
            _store.Remove(new ObjectKey(ns, name));
            _rv++;
        }
    }

    private Task<T> Patch(string? ns, string name, string mergePatchJson, bool status)
    {
        lock (_gate)
        {
            PatchCalls++;
            ThrowIfWritesFail();
            var patch = JsonNode.Parse(mergePatchJson)!.AsObject();
            var precondition = patch["metadata"]?["resourceVersion"]?.GetValue<string>();
            var (key, existing) = ExistingForWriteLocked(ns, name, precondition);
            var current = ToNode(existing);
            var merged = JsonMergePatch.Apply(current, patch)!.AsObject();
            if (status)
            {
                current["status"] = merged["status"]?.DeepClone();
                merged = current;
            }
            else
            {
                merged["status"] = current["status"]?.DeepClone();
            }

            return Task.FromResult(CommitLocked(key, FromNode(merged), WatchEventKind.Modified));
        }
    }

    private (ObjectKey Key, T Existing) ExistingForWriteLocked(string? ns, string name, string? resourceVersion)
    {
        var key = new ObjectKey(string.IsNullOrEmpty(ns) ? null : ns, name);
        if (!_store.TryGetValue(key, out var existing))
        {
            throw new KubeApiException(KubeApiErrorKind.NotFound, HttpStatusCode.NotFound, "not found");
        }

        if (!string.IsNullOrEmpty(resourceVersion) && resourceVersion != existing.ResourceVersion())
        {
            throw new KubeApiException(KubeApiErrorKind.Conflict, HttpStatusCode.Conflict, "the object has been modified");
        }

        return (key, existing);
    }

    private T CommitLocked(ObjectKey key, T stored, WatchEventKind type)
    {
        stored.Metadata.ResourceVersion = (++_rv).ToString(CultureInfo.InvariantCulture);
        _store[key] = stored;
        AppendLocked(type, stored);
        return Clone(stored);
    }

    private void AppendLocked(WatchEventKind type, T obj)
    {
        _log.Add((_rv, type, Clone(obj)));
        foreach (var w in _watchers.Where(w => Matches(obj, w.Namespace, w.LabelSelector)))
        {
            w.Channel.Writer.TryWrite(new Item(type, Clone(obj), null));
        }
    }

    private void ThrowIfWritesFail()
    {
        if (FailAllWrites is { } e)
        {
            throw e;
        }
    }

    private static KubeApiException Gone() => new(KubeApiErrorKind.Gone, HttpStatusCode.Gone, "too old resource version");

    private static bool Matches(T obj, string? ns, string? labelSelector)
    {
        if (ns is not null && obj.Namespace() != ns)
        {
            return false;
        }

        if (string.IsNullOrEmpty(labelSelector))
        {
            return true;
        }

        // Equality selectors only ("a=b,c=d"): all this fake's callers need.
        var labels = obj.Metadata?.Labels ?? new Dictionary<string, string>();
        return labelSelector.Split(',').Select(p => p.Split('=', 2)).All(kv => labels.TryGetValue(kv[0], out var v) && v == kv[1]);
    }

    private static JsonObject ToNode(T obj) => JsonNode.Parse(KubernetesJson.Serialize(obj))!.AsObject();

    private static T FromNode(JsonNode node) => KubernetesJson.Deserialize<T>(node.ToJsonString());

    private static T Clone(T obj) => KubernetesJson.Deserialize<T>(KubernetesJson.Serialize(obj));
}
