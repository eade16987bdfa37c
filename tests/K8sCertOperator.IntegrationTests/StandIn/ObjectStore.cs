using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>
/// Raw object storage: one global, monotonically increasing resourceVersion and a change event per write.
/// Callers that need several steps to be atomic hold <see cref="Gate"/> (a re-entrant monitor).
/// </summary>
internal sealed class ObjectStore(WatchHub hub)
{
    private readonly Dictionary<ObjectKey, JsonObject> _objects = [];
    private long _resourceVersion;

    /// <summary>Held across read-modify-write sequences so they are atomic with respect to watches.</summary>
    public object Gate { get; } = new();

    public WatchHub Hub => hub;

    public long CurrentResourceVersion
    {
        get
        {
            lock (Gate)
            {
                return _resourceVersion;
            }
        }
    }

    /// <summary>A private copy of the stored object, or null.</summary>
    public JsonObject? Get(ObjectKey key)
    {
        lock (Gate)
        {
            return _objects.TryGetValue(key, out var stored) ? (JsonObject)stored.DeepClone() : null;
        }
    }

    /// <summary>Copies of every object of a resource, in one namespace (or all when null), ordered by namespace and name.</summary>
    public List<(ObjectKey Key, JsonObject Object)> Query(string group, string plural, string? ns)
    {
        lock (Gate)
        {
            return _objects
                .Where(p => p.Key.Group == group && p.Key.Plural == plural && (ns is null || p.Key.Namespace == ns))
                .OrderBy(p => p.Key.Namespace, StringComparer.Ordinal)
                .ThenBy(p => p.Key.Name, StringComparer.Ordinal)
                .Select(p => (p.Key, (JsonObject)p.Value.DeepClone()))
                .ToList();
        }
    }

    /// <summary>Copies of every stored object, for assertions and garbage collection.</summary>
    public List<(ObjectKey Key, JsonObject Object)> All()
    {
        lock (Gate)
        {
            return _objects
                .OrderBy(p => p.Key.ToString(), StringComparer.Ordinal)
                .Select(p => (p.Key, (JsonObject)p.Value.DeepClone()))
                .ToList();
        }
    }

    /// <summary>Stores <paramref name="obj"/> under a new resourceVersion (written into it) and publishes ADDED or MODIFIED.</summary>
    public JsonObject Put(ObjectKey key, JsonObject obj)
    {
        lock (Gate)
        {
            var previous = _objects.GetValueOrDefault(key);
            var version = ++_resourceVersion;
            ObjectMeta.Metadata(obj)["resourceVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // Re-parsing keeps every stored value JSON-backed, so numeric reads and comparisons behave uniformly.
            var stored = Normalize(obj);
            _objects[key] = stored;
            hub.Publish(new StoreEvent(version, previous is null ? "ADDED" : "MODIFIED", key, (JsonObject)stored.DeepClone(), previous));
            return obj;
        }
    }

    /// <summary>Removes the object and publishes DELETED carrying a fresh resourceVersion, as the real server does.</summary>
    public JsonObject? Remove(ObjectKey key)
    {
        lock (Gate)
        {
            if (!_objects.Remove(key, out var removed))
            {
                return null;
            }
            var version = ++_resourceVersion;
            ObjectMeta.Metadata(removed)["resourceVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture);
            hub.Publish(new StoreEvent(version, "DELETED", key, (JsonObject)removed.DeepClone(), null));
            return removed;
        }
    }

    /// <summary>A parsed copy whose values all come from JSON text.</summary>
    public static JsonObject Normalize(JsonObject obj) => (JsonObject)JsonNode.Parse(obj.ToJsonString())!;

    /// <summary>Keys of objects whose ownerReferences name <paramref name="ownerUid"/>.</summary>
    public List<ObjectKey> DependentsOf(string ownerUid)
    {
        lock (Gate)
        {
            return _objects.Where(p => ObjectMeta.OwnerUids(p.Value).Contains(ownerUid)).Select(p => p.Key).ToList();
        }
    }

    /// <summary>The key and a copy of the object with this uid, or null.</summary>
    public (ObjectKey Key, JsonObject Object)? FindByUid(string uid)
    {
        lock (Gate)
        {
            foreach (var (key, obj) in _objects)
            {
                if (ObjectMeta.Uid(obj) == uid)
                {
                    return (key, (JsonObject)obj.DeepClone());
                }
            }
            return null;
        }
    }

    /// <summary>True when some stored object has this uid.</summary>
    public bool UidExists(string uid)
    {
        lock (Gate)
        {
            return _objects.Values.Any(o => ObjectMeta.Uid(o) == uid);
        }
    }

    /// <summary>Keys of every object inside a namespace.</summary>
    public List<ObjectKey> KeysInNamespace(string ns)
    {
        lock (Gate)
        {
            return _objects.Keys.Where(k => k.Namespace == ns).ToList();
        }
    }
}
