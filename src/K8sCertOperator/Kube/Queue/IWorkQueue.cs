namespace K8sCertOperator.Kube.Queue;

/// <summary>
/// De-duplicating, rate-limited work queue (client-go semantics): a key is processed by at most one
/// worker at a time, and a key added while being processed is processed once more after <see cref="Done"/>.
/// </summary>
public interface IWorkQueue<TKey>
    where TKey : notnull
{
    /// <summary>Keys ready to be processed (not counting delayed or in-flight keys).</summary>
    int Length { get; }

    bool IsShuttingDown { get; }

    void Add(TKey key);

    /// <summary>Adds the key after <paramref name="delay"/>; an earlier pending AddAfter of the same key wins.</summary>
    void AddAfter(TKey key, TimeSpan delay);

    /// <summary>Adds the key after the rate limiter's delay (per-key backoff and global bucket).</summary>
    void AddRateLimited(TKey key);

    /// <summary>Clears the key's failure history; call after a successful reconcile.</summary>
    void Forget(TKey key);

    int NumRequeues(TKey key);

    /// <summary>Waits for the next key. Returns ShutDown = true once the queue is shut down and drained.</summary>
    Task<(TKey Key, bool ShutDown)> GetAsync(CancellationToken cancellationToken);

    /// <summary>Marks a key returned by <see cref="GetAsync"/> as finished.</summary>
    void Done(TKey key);

    /// <summary>Stops accepting keys, cancels delayed adds and wakes all waiters.</summary>
    void ShutDown();
}
