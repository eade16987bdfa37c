namespace K8sCertOperator.Kube;

/// <summary>Capped exponential backoff with optional jitter, as a pure function of the attempt number.</summary>
public sealed record ExponentialBackoff(TimeSpan Base, TimeSpan Cap, double JitterFraction = 0.0)
{
    /// <summary>Delay before retry number <paramref name="attempt"/> (1-based): Base * 2^(attempt-1), capped.</summary>
    /// <param name="attempt">1 for the first retry.</param>
    /// <param name="unitRandom">A value in [0,1) used for jitter; pass a fixed value in tests.</param>
    public TimeSpan Delay(int attempt, double unitRandom = 0.0)
    {
        if (attempt <= 0)
        {
            return TimeSpan.Zero;
        }

        // Exponent is clamped so 2^n never overflows a double long before the cap applies.
        var exponent = Math.Min(attempt - 1, 62);
        var ticks = Base.Ticks * Math.Pow(2, exponent);
        var capped = ticks >= Cap.Ticks ? Cap.Ticks : (long)ticks;
        var jitter = capped * JitterFraction * Math.Clamp(unitRandom, 0.0, 1.0);
        return TimeSpan.FromTicks(capped + (long)jitter);
    }
}
