namespace K8sCertOperator.Kube.Reconcile;

/// <summary>What the controller does with a key after reconciling it.</summary>
/// <param name="Forget">Reset the key's failure backoff.</param>
/// <param name="RequeueAfter">Add the key back after this delay (null: not at this delay).</param>
/// <param name="RateLimited">Add the key back with the rate limiter's backoff.</param>
public readonly record struct QueueAction(bool Forget, TimeSpan? RequeueAfter, bool RateLimited)
{
    /// <summary>
    /// The policy: success forgets the failure history (and requeues after the asked delay, if any);
    /// failure keeps the history and retries with backoff, or after its explicit delay.
    /// </summary>
    public static QueueAction For(ReconcileResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.IsSuccess)
        {
            return new QueueAction(Forget: true, RequeueAfter: Positive(result.RequeueAfter), RateLimited: false);
        }

        return Positive(result.RequeueAfter) is { } delay
            ? new QueueAction(Forget: false, RequeueAfter: delay, RateLimited: false)
            : new QueueAction(Forget: false, RequeueAfter: null, RateLimited: true);
    }

    private static TimeSpan? Positive(TimeSpan? delay) => delay is { } d && d > TimeSpan.Zero ? d : null;
}
