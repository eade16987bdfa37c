using System.Collections.Concurrent;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Kube.Informers;

/// <summary>
/// Read-your-own-writes for a controller that reads through an informer cache. After this process writes an
/// object, events from other informers (a Secret we just wrote, an Order we own) can start the next reconcile
/// before the watch has delivered our write, and a decision made on that older copy can repeat work: issue the
/// same certificate twice, open a second ACME order. <see cref="IsBehind"/> tells the reconciler to wait for its
/// own write instead; the write's watch event enqueues the key again.
/// </summary>
public sealed class OwnWriteTracker<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>How long a write may stay unseen before the tracker stops waiting (a relist can skip it).</summary>
    public static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(10);

    /// <summary>Safety requeue for a reconcile that waits for its own write (its watch event usually comes first).</summary>
    public static readonly TimeSpan Recheck = TimeSpan.FromSeconds(1);

    private readonly IInformer<T> _informer;
    private readonly TimeProvider _time;
    private readonly TimeSpan _patience;
    private readonly ConcurrentDictionary<ObjectKey, (string ResourceVersion, DateTimeOffset At)> _unseen = new();

    public OwnWriteTracker(IInformer<T> informer, TimeProvider time, TimeSpan? patience = null)
    {
        _informer = informer ?? throw new ArgumentNullException(nameof(informer));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _patience = patience ?? DefaultPatience;
        _informer.OnAdd += Seen;
        _informer.OnUpdate += (_, current) => Seen(current);
        _informer.OnDelete += gone => _unseen.TryRemove(ObjectKey.From(gone), out _);
    }

    /// <summary>Call with the object the API server returned for our write.</summary>
    public void Record(T? written)
    {
        var version = written?.Metadata?.ResourceVersion;
        if (written is null || string.IsNullOrEmpty(version))
        {
            return;
        }

        var key = ObjectKey.From(written);
        var entry = (version, _time.GetUtcNow());
        _unseen[key] = entry;

        // The watch may have been quicker than our caller: if the cache already holds the write, nothing to wait for.
        if (_informer.Get(key)?.Metadata?.ResourceVersion == version)
        {
            _unseen.TryRemove(KeyValuePair.Create(key, entry));
        }
    }

    /// <summary>True while the cache has not yet shown our last write to <paramref name="key"/> (bounded by the patience).</summary>
    public bool IsBehind(ObjectKey key)
    {
        if (!_unseen.TryGetValue(key, out var write))
        {
            return false;
        }

        if (_time.GetUtcNow() - write.At <= _patience)
        {
            return true;
        }

        _unseen.TryRemove(KeyValuePair.Create(key, write));
        return false;
    }

    private void Seen(T current)
    {
        var key = ObjectKey.From(current);
        if (_unseen.TryGetValue(key, out var write) && write.ResourceVersion == current.Metadata?.ResourceVersion)
        {
            _unseen.TryRemove(KeyValuePair.Create(key, write));
        }
    }
}
