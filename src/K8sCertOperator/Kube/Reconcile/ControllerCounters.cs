namespace K8sCertOperator.Kube.Reconcile;

/// <summary>In-process counters of reconciles and failures; the default <see cref="IControllerMetrics"/>.</summary>
public sealed class ControllerCounters : IControllerMetrics
{
    private long _syncs;
    private long _errors;
    private int _queueLength;

    /// <summary>Completed reconciles, successful or not.</summary>
    public long Syncs => Interlocked.Read(ref _syncs);

    /// <summary>Reconciles that failed or threw.</summary>
    public long Errors => Interlocked.Read(ref _errors);

    public int LastQueueLength => Volatile.Read(ref _queueLength);

    public void ReconcileCompleted(string controller, bool success, TimeSpan duration)
    {
        Interlocked.Increment(ref _syncs);
        if (!success)
        {
            Interlocked.Increment(ref _errors);
        }
    }

    public void QueueLength(string controller, int length) => Volatile.Write(ref _queueLength, length);
}
