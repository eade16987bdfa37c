namespace K8sCertOperator.Kube.Queue;

/// <summary>In-memory <see cref="IWorkQueue{TKey}"/> with an injectable clock for delayed adds.</summary>
public sealed class WorkQueue<TKey> : IWorkQueue<TKey>
    where TKey : notnull
{
    private readonly object _gate = new();
    private readonly LinkedList<TKey> _queue = new();
    private readonly HashSet<TKey> _dirty = [];
    private readonly HashSet<TKey> _processing = [];
    private readonly Dictionary<TKey, (DateTimeOffset ReadyAt, ITimer Timer)> _waiting = [];
    private readonly LinkedList<TaskCompletionSource> _waiters = new();
    private readonly IRateLimiter<TKey> _rateLimiter;
    private readonly TimeProvider _time;
    private bool _shuttingDown;

    public WorkQueue(IRateLimiter<TKey> rateLimiter, TimeProvider? timeProvider = null)
    {
        _rateLimiter = rateLimiter ?? throw new ArgumentNullException(nameof(rateLimiter));
        _time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>A queue with the default limiter from <paramref name="options"/>.</summary>
    public WorkQueue(WorkQueueOptions options, TimeProvider? timeProvider = null)
        : this((options ?? throw new ArgumentNullException(nameof(options))).CreateRateLimiter<TKey>(timeProvider ?? TimeProvider.System), timeProvider)
    {
    }

    public int Length
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    /// <summary>Keys waiting for a delayed add.</summary>
    public int WaitingCount
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    public bool IsShuttingDown
    {
        get
        {
            lock (_gate)
            {
                return _shuttingDown;
            }
        }
    }

    public void Add(TKey key)
    {
        lock (_gate)
        {
            if (_shuttingDown || !_dirty.Add(key))
            {
                return;
            }

            // A key being processed is only marked dirty; Done() requeues it, so it never runs twice at once.
            if (_processing.Contains(key))
            {
                return;
            }

            _queue.AddLast(key);
            WakeOneLocked();
        }
    }

    public void AddAfter(TKey key, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(key);
            return;
        }

        lock (_gate)
        {
            if (_shuttingDown)
            {
                return;
            }

            var readyAt = _time.GetUtcNow() + delay;
            if (_waiting.TryGetValue(key, out var existing))
            {
                if (existing.ReadyAt <= readyAt)
                {
                    return;
                }

                existing.Timer.Dispose();
            }

            ITimer? timer = null;
            timer = _time.CreateTimer(_ => Fire(key, timer!), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            _waiting[key] = (readyAt, timer);
            timer.Change(delay, Timeout.InfiniteTimeSpan);
        }
    }

    public void AddRateLimited(TKey key) => AddAfter(key, _rateLimiter.When(key));

    public void Forget(TKey key) => _rateLimiter.Forget(key);

    public int NumRequeues(TKey key) => _rateLimiter.NumRequeues(key);

    public async Task<(TKey Key, bool ShutDown)> GetAsync(CancellationToken cancellationToken)
    {
        for (; ; )
        {
            TaskCompletionSource waiter;
            lock (_gate)
            {
                if (_queue.First is { } first)
                {
                    _queue.RemoveFirst();
                    _dirty.Remove(first.Value);
                    _processing.Add(first.Value);
                    return (first.Value, false);
                }

                if (_shuttingDown)
                {
                    return (default!, true);
                }

                waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                _waiters.AddLast(waiter);
            }

            using (cancellationToken.Register(() => waiter.TrySetCanceled(cancellationToken)))
            {
                await waiter.Task.ConfigureAwait(false);
            }
        }
    }

    public void Done(TKey key)
    {
        lock (_gate)
        {
            _processing.Remove(key);
            if (_dirty.Contains(key))
            {
                _queue.AddLast(key);
                WakeOneLocked();
            }
        }
    }

    public void ShutDown()
    {
        lock (_gate)
        {
            _shuttingDown = true;
            foreach (var (_, entry) in _waiting)
            {
                entry.Timer.Dispose();
            }

            _waiting.Clear();
            while (_waiters.First is { } w)
            {
                _waiters.RemoveFirst();
                w.Value.TrySetResult();
            }
        }
    }

    private void Fire(TKey key, ITimer timer)
    {
        lock (_gate)
        {
            // Only the timer currently registered for the key may add it; a replaced timer is stale.
            if (!_waiting.TryGetValue(key, out var entry) || !ReferenceEquals(entry.Timer, timer))
            {
                return;
            }

            _waiting.Remove(key);
        }

        timer.Dispose();
        Add(key);
    }

    private void WakeOneLocked()
    {
        // Skip waiters whose GetAsync was cancelled, so a wake-up is never lost on them.
        while (_waiters.First is { } w)
        {
            _waiters.RemoveFirst();
            if (w.Value.TrySetResult())
            {
                return;
            }
        }
    }
}
