using K8sCertOperator.Kube.Client;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Kube.Informers;

/// <summary>
/// Thread-safe object store keyed by namespace/name with named secondary indexes. Every mutation
/// returns the delta it produced so the informer can notify handlers outside the lock.
/// </summary>
public sealed class InformerCache<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly object _gate = new();
    private readonly Dictionary<ObjectKey, T> _items = [];
    private readonly Dictionary<string, Func<T, IEnumerable<string>>> _indexers = new(StringComparer.Ordinal);

    // index name -> index value -> keys
    private readonly Dictionary<string, Dictionary<string, HashSet<ObjectKey>>> _indexes = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _items.Count;
            }
        }
    }

    /// <summary>Registers an index; existing items are indexed immediately.</summary>
    public void AddIndex(string name, Func<T, IEnumerable<string>> indexFunc)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(indexFunc);
        lock (_gate)
        {
            if (!_indexers.TryAdd(name, indexFunc))
            {
                throw new InvalidOperationException($"index '{name}' already exists");
            }

            _indexes[name] = new Dictionary<string, HashSet<ObjectKey>>(StringComparer.Ordinal);
            foreach (var (key, item) in _items)
            {
                AddToIndex(name, indexFunc, key, item);
            }
        }
    }

    public T? Get(ObjectKey key)
    {
        lock (_gate)
        {
            return _items.GetValueOrDefault(key);
        }
    }

    public IReadOnlyList<T> List()
    {
        lock (_gate)
        {
            return [.. _items.Values];
        }
    }

    public IReadOnlyList<ObjectKey> Keys()
    {
        lock (_gate)
        {
            return [.. _items.Keys];
        }
    }

    /// <summary>Objects whose index function produced <paramref name="value"/> for index <paramref name="indexName"/>.</summary>
    public IReadOnlyList<T> ByIndex(string indexName, string value)
    {
        lock (_gate)
        {
            if (!_indexes.TryGetValue(indexName, out var index))
            {
                throw new InvalidOperationException($"index '{indexName}' does not exist");
            }

            return index.TryGetValue(value, out var keys) ? [.. keys.Select(k => _items[k])] : [];
        }
    }

    /// <summary>Applies one watch event. Returns null when it changes nothing (bookmark, delete of an unknown key).</summary>
    public CacheDelta<T>? Apply(WatchEventKind type, T obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var key = ObjectKey.From(obj);
        lock (_gate)
        {
            switch (type)
            {
                case WatchEventKind.Added:
                case WatchEventKind.Modified:
                    return Upsert(key, obj);
                case WatchEventKind.Deleted:
                    if (!_items.TryGetValue(key, out var old))
                    {
                        return null;
                    }

                    RemoveLocked(key, old);
                    return new CacheDelta<T>(CacheDeltaType.Deleted, old, old);
                default:
                    return null;
            }
        }
    }

    /// <summary>
    /// Replaces the whole content with a fresh list (after a relist) and returns the difference:
    /// adds for new keys, updates for changed resourceVersions, deletes for keys that vanished.
    /// </summary>
    public IReadOnlyList<CacheDelta<T>> Replace(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var deltas = new List<CacheDelta<T>>();
        lock (_gate)
        {
            var seen = new HashSet<ObjectKey>();
            foreach (var item in items)
            {
                var key = ObjectKey.From(item);
                seen.Add(key);
                if (Upsert(key, item) is { } delta)
                {
                    deltas.Add(delta);
                }
            }

            foreach (var key in _items.Keys.Where(k => !seen.Contains(k)).ToList())
            {
                var old = _items[key];
                RemoveLocked(key, old);
                deltas.Add(new CacheDelta<T>(CacheDeltaType.Deleted, old, old));
            }
        }

        return deltas;
    }

    private CacheDelta<T>? Upsert(ObjectKey key, T obj)
    {
        if (_items.TryGetValue(key, out var old))
        {
            // Same resourceVersion means we already hold this exact revision (e.g. relist after a reconnect).
            if (!string.IsNullOrEmpty(old.ResourceVersion()) && old.ResourceVersion() == obj.ResourceVersion())
            {
                return null;
            }

            RemoveLocked(key, old);
            AddLocked(key, obj);
            return new CacheDelta<T>(CacheDeltaType.Updated, obj, old);
        }

        AddLocked(key, obj);
        return new CacheDelta<T>(CacheDeltaType.Added, obj, null);
    }

    private void AddLocked(ObjectKey key, T obj)
    {
        _items[key] = obj;
        foreach (var (name, func) in _indexers)
        {
            AddToIndex(name, func, key, obj);
        }
    }

    private void RemoveLocked(ObjectKey key, T obj)
    {
        _items.Remove(key);
        foreach (var (name, func) in _indexers)
        {
            var index = _indexes[name];
            foreach (var value in SafeIndexValues(func, obj))
            {
                if (index.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
                {
                    index.Remove(value);
                }
            }
        }
    }

    private void AddToIndex(string name, Func<T, IEnumerable<string>> func, ObjectKey key, T obj)
    {
        var index = _indexes[name];
        foreach (var value in SafeIndexValues(func, obj))
        {
            if (!index.TryGetValue(value, out var keys))
            {
                keys = [];
                index[value] = keys;
            }

            keys.Add(key);
        }
    }

    // A buggy index function must not corrupt the cache; the object is simply not indexed.
    private static IEnumerable<string> SafeIndexValues(Func<T, IEnumerable<string>> func, T obj)
    {
        try
        {
            return func(obj)?.Where(v => v is not null).Distinct(StringComparer.Ordinal).ToList() ?? [];
        }
#pragma warning disable CA1031 // user-supplied function; any failure means "no index values"
        catch (Exception)
#pragma warning restore CA1031
        {
            return [];
        }
    }
}
