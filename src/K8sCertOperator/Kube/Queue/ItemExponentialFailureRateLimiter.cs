namespace K8sCertOperator.Kube.Queue;

/// <summary>Per-key exponential backoff: baseDelay * 2^failures, capped at maxDelay.</summary>
public sealed class ItemExponentialFailureRateLimiter<TKey> : IRateLimiter<TKey>
    where TKey : notnull
{
    private readonly object _gate = new();
    private readonly Dictionary<TKey, int> _failures = [];
    private readonly ExponentialBackoff _backoff;

    public ItemExponentialFailureRateLimiter(TimeSpan baseDelay, TimeSpan maxDelay)
    {
        _backoff = new ExponentialBackoff(baseDelay, maxDelay);
    }

    public TimeSpan When(TKey key)
    {
        lock (_gate)
        {
            var failures = _failures.GetValueOrDefault(key) + 1;
            _failures[key] = failures;
            return _backoff.Delay(failures);
        }
    }

    public void Forget(TKey key)
    {
        lock (_gate)
        {
            _failures.Remove(key);
        }
    }

    public int NumRequeues(TKey key)
    {
        lock (_gate)
        {
            return _failures.GetValueOrDefault(key);
        }
    }
}
