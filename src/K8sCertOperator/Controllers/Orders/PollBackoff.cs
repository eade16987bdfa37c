namespace K8sCertOperator.Controllers.Orders;

/// <summary>
/// Requeue delays for polling the ACME server: fast at first (most steps finish in well under a second),
/// doubling up to a cap, never shorter than a Retry-After the server sent.
/// </summary>
public static class PollBackoff
{
    public static readonly TimeSpan First = TimeSpan.FromMilliseconds(250);

    public static readonly TimeSpan Max = TimeSpan.FromSeconds(10);

    /// <summary>Retry-After above this is capped, so a confused server cannot park an order for hours.</summary>
    public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(5);

    /// <summary>Delay before poll number <paramref name="attempt"/> (0-based).</summary>
    public static TimeSpan Delay(int attempt, TimeSpan? retryAfter = null)
    {
        var exponent = Math.Clamp(attempt, 0, 16);
        var ticks = Math.Min(First.Ticks << exponent, Max.Ticks);
        var delay = TimeSpan.FromTicks(ticks);
        if (retryAfter is { } hint && hint > delay)
        {
            delay = hint < MaxRetryAfter ? hint : MaxRetryAfter;
        }
        return delay;
    }
}
