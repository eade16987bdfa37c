namespace K8sCertOperator.Controllers.Revocation;

/// <summary>
/// How long a failing revoke-on-delete keeps the Certificate's deletion waiting. Deletion must never
/// block forever: after <see cref="MaxAttempts"/> failures or <see cref="MaxWait"/> since deletion began,
/// the controller gives up, says so in a Warning Event and releases the finalizer.
/// </summary>
public static class RevocationRetryPolicy
{
    public const int MaxAttempts = 6;

    public static readonly TimeSpan MaxWait = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan FirstDelay = TimeSpan.FromSeconds(2);

    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(2);

    /// <summary>Null when the controller should give up; otherwise the wait before the next attempt.</summary>
    public static TimeSpan? NextDelay(int failedAttempts, DateTimeOffset deletionStarted, DateTimeOffset now)
    {
        if (failedAttempts >= MaxAttempts || now - deletionStarted >= MaxWait)
        {
            return null;
        }
        var exponent = Math.Clamp(failedAttempts - 1, 0, 16);
        var delay = TimeSpan.FromTicks(FirstDelay.Ticks * (1L << exponent));
        return delay < MaxDelay ? delay : MaxDelay;
    }
}
