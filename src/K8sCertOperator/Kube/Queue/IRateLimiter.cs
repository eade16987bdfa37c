namespace K8sCertOperator.Kube.Queue;

/// <summary>Decides how long an item waits before it is retried (client-go's RateLimiter).</summary>
public interface IRateLimiter<in TKey>
{
    /// <summary>Delay for the next retry of <paramref name="key"/>; records the attempt.</summary>
    TimeSpan When(TKey key);

    /// <summary>Clears the failure history of <paramref name="key"/> (call on success).</summary>
    void Forget(TKey key);

    /// <summary>How many times <paramref name="key"/> has been retried since it was last forgotten.</summary>
    int NumRequeues(TKey key);
}
