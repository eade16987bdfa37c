using System.Threading.Channels;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>
/// Fans store events out to open watches and keeps a bounded history for resuming from a
/// resourceVersion; a resume from before the history window must get 410 Expired, as etcd compaction causes.
/// </summary>
internal sealed class WatchHub(int historyCapacity)
{
    private readonly Queue<StoreEvent> _history = new();
    private readonly List<WatchSubscription> _subscribers = [];
    private readonly Lock _gate = new();

    // Events with a resourceVersion greater than this are all still in the history.
    private long _floor;
    private long _latest;

    /// <summary>Oldest resourceVersion a watch may resume from.</summary>
    public long Floor
    {
        get
        {
            lock (_gate)
            {
                return _floor;
            }
        }
    }

    /// <summary>Records an event and hands it to every subscriber of its resource.</summary>
    public void Publish(StoreEvent storeEvent)
    {
        lock (_gate)
        {
            _latest = storeEvent.ResourceVersion;
            _history.Enqueue(storeEvent);
            while (_history.Count > historyCapacity)
            {
                _floor = _history.Dequeue().ResourceVersion;
            }
            foreach (var subscriber in _subscribers)
            {
                if (subscriber.Group == storeEvent.Key.Group && subscriber.Plural == storeEvent.Key.Plural)
                {
                    subscriber.Channel.Writer.TryWrite(storeEvent);
                }
            }
        }
    }

    /// <summary>
    /// Opens a subscription. With <paramref name="fromResourceVersion"/> the history after it is queued first;
    /// throws 410 Expired when that part of the history is gone.
    /// </summary>
    public WatchSubscription Subscribe(string group, string plural, long? fromResourceVersion)
    {
        lock (_gate)
        {
            if (fromResourceVersion is { } from && from < _floor)
            {
                throw ApiException.Expired($"too old resource version: {from} ({_floor})");
            }
            var subscription = new WatchSubscription(group, plural, this);
            if (fromResourceVersion is { } start)
            {
                foreach (var past in _history.Where(e => e.ResourceVersion > start && e.Key.Group == group && e.Key.Plural == plural))
                {
                    subscription.Channel.Writer.TryWrite(past);
                }
            }
            _subscribers.Add(subscription);
            return subscription;
        }
    }

    /// <summary>Forgets all history, so any resume from an older resourceVersion gets 410.</summary>
    public void Compact()
    {
        lock (_gate)
        {
            _history.Clear();
            _floor = _latest;
        }
    }

    /// <summary>Ends every open watch stream, as an API server restart or load balancer timeout does.</summary>
    public int DropAll()
    {
        lock (_gate)
        {
            var count = _subscribers.Count;
            foreach (var subscriber in _subscribers)
            {
                subscriber.Channel.Writer.TryComplete();
            }
            _subscribers.Clear();
            return count;
        }
    }

    /// <summary>Number of watches currently open.</summary>
    public int OpenCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    internal void Remove(WatchSubscription subscription)
    {
        lock (_gate)
        {
            _subscribers.Remove(subscription);
        }
    }
}
