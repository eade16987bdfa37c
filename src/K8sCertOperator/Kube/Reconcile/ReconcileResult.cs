namespace K8sCertOperator.Kube.Reconcile;

/// <summary>
/// Outcome of a reconcile (KubeOps style): success, optionally asking to be run again after a delay,
/// or failure with a reason, retried with per-key backoff unless an explicit delay is given.
/// </summary>
public sealed record ReconcileResult
{
    private ReconcileResult(bool isSuccess, string? reason, TimeSpan? requeueAfter)
    {
        IsSuccess = isSuccess;
        Reason = reason;
        RequeueAfter = requeueAfter;
    }

    public bool IsSuccess { get; }

    /// <summary>Why the reconcile failed; null on success.</summary>
    public string? Reason { get; }

    public TimeSpan? RequeueAfter { get; }

    public static ReconcileResult Success() => new(true, null, null);

    public static ReconcileResult Success(TimeSpan requeueAfter) => new(true, null, requeueAfter);

    public static ReconcileResult Failure(string reason, TimeSpan? requeueAfter = null) =>
        new(false, reason ?? throw new ArgumentNullException(nameof(reason)), requeueAfter);
}
