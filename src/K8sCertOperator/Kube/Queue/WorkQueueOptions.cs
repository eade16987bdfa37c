namespace K8sCertOperator.Kube.Queue;

/// <summary>Rate-limit settings of a work queue; defaults match client-go's DefaultControllerRateLimiter.</summary>
public sealed record WorkQueueOptions
{
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(5);

    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(1000);

    public double Qps { get; init; } = 10;

    public int Burst { get; init; } = 100;

    /// <summary>The default limiter: per-key exponential backoff combined with a global token bucket.</summary>
    public IRateLimiter<TKey> CreateRateLimiter<TKey>(TimeProvider timeProvider)
        where TKey : notnull =>
        new MaxOfRateLimiter<TKey>(
            new ItemExponentialFailureRateLimiter<TKey>(BaseDelay, MaxDelay),
            new TokenBucketRateLimiter<TKey>(Qps, Burst, timeProvider));
}
