namespace K8sCertOperator.Kube.Events;

/// <summary>
/// Remembers recently emitted events so that repeats within <c>window</c> bump count/lastTimestamp on the
/// existing Event instead of creating new ones (the idea of client-go's correlator). Bounded in size.
/// </summary>
public sealed class EventCorrelator
{
    private readonly object _gate = new();
    private readonly Dictionary<EventKey, Entry> _recent = [];
    private readonly TimeSpan _window;
    private readonly int _capacity;

    public EventCorrelator(TimeSpan window, int capacity = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _window = window;
        _capacity = capacity;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _recent.Count;
            }
        }
    }

    /// <summary>Decides create-or-update for <paramref name="key"/> at <paramref name="now"/>; <paramref name="newName"/> is used for creates.</summary>
    public EventDecision Decide(EventKey key, DateTimeOffset now, string newName)
    {
        lock (_gate)
        {
            if (_recent.TryGetValue(key, out var e) && now - e.LastSeen <= _window)
            {
                return new EventDecision(true, e.Name, e.Count + 1, e.First);
            }

            return new EventDecision(false, newName, 1, now);
        }
    }

    /// <summary>Records that the decided event was written, so the next repeat updates it.</summary>
    public void Recorded(EventKey key, EventDecision decision, DateTimeOffset now)
    {
        lock (_gate)
        {
            _recent[key] = new Entry(decision.EventName, decision.Count, decision.FirstTimestamp, now);
            if (_recent.Count > _capacity)
            {
                Evict(now);
            }
        }
    }

    /// <summary>Forgets <paramref name="key"/> (e.g. the Event was deleted by the server's TTL).</summary>
    public void Forget(EventKey key)
    {
        lock (_gate)
        {
            _recent.Remove(key);
        }
    }

    private void Evict(DateTimeOffset now)
    {
        foreach (var stale in _recent.Where(p => now - p.Value.LastSeen > _window).Select(p => p.Key).ToList())
        {
            _recent.Remove(stale);
        }

        // Still too many: drop the oldest quarter rather than growing without bound.
        if (_recent.Count > _capacity)
        {
            foreach (var old in _recent.OrderBy(p => p.Value.LastSeen).Take(_recent.Count - (_capacity * 3 / 4)).Select(p => p.Key).ToList())
            {
                _recent.Remove(old);
            }
        }
    }

    private sealed record Entry(string Name, int Count, DateTimeOffset First, DateTimeOffset LastSeen);
}
