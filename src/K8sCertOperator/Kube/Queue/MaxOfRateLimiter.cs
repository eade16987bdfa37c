namespace K8sCertOperator.Kube.Queue;

/// <summary>Combines limiters by taking the longest delay (client-go's MaxOfRateLimiter).</summary>
public sealed class MaxOfRateLimiter<TKey> : IRateLimiter<TKey>
{
    private readonly IReadOnlyList<IRateLimiter<TKey>> _limiters;

    public MaxOfRateLimiter(params IRateLimiter<TKey>[] limiters)
    {
        ArgumentNullException.ThrowIfNull(limiters);
        if (limiters.Length == 0)
        {
            throw new ArgumentException("at least one limiter is required", nameof(limiters));
        }

        _limiters = limiters;
    }

    public TimeSpan When(TKey key)
    {
        var max = TimeSpan.Zero;
        foreach (var limiter in _limiters)
        {
            var d = limiter.When(key);
            if (d > max)
            {
                max = d;
            }
        }

        return max;
    }

    public void Forget(TKey key)
    {
        foreach (var limiter in _limiters)
        {
            limiter.Forget(key);
        }
    }

    public int NumRequeues(TKey key) => _limiters.Max(l => l.NumRequeues(key));
}
