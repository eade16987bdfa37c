namespace K8sCertOperator.Acme.Http;

/// <summary>
/// Bounded exponential backoff with jitter. Pure: the random sample is an argument, so tests can
/// pin it and callers pass <c>Random.Shared.NextDouble()</c>.
/// </summary>
/// <param name="Initial">Delay before the first retry (attempt 1), before jitter.</param>
/// <param name="Maximum">Ceiling for any single delay, jitter included.</param>
/// <param name="Multiplier">Growth per attempt.</param>
/// <param name="JitterFraction">0..1: the delay is scaled into [1 - fraction, 1] of its nominal value.</param>
public sealed record BackoffPolicy(TimeSpan Initial, TimeSpan Maximum, double Multiplier = 2.0, double JitterFraction = 0.5)
{
    /// <summary>For 5xx and network errors on ACME requests.</summary>
    public static BackoffPolicy Transient { get; } = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10));

    /// <summary>
    /// For polling orders and authorizations. A CA usually validates or signs within a second, so the
    /// first polls come quickly (50, 100, 200 ms …) and the doubling keeps a slow CA to a handful of requests.
    /// </summary>
    public static BackoffPolicy Polling { get; } = new(TimeSpan.FromMilliseconds(50), TimeSpan.FromSeconds(5), 2.0, 0.2);

    /// <summary>The delay before retry number <paramref name="attempt"/> (1-based).</summary>
    /// <param name="jitterSample">A value in [0, 1); 0 gives the nominal delay.</param>
    public TimeSpan Delay(int attempt, double jitterSample)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt, 1);
        var sample = Math.Clamp(jitterSample, 0.0, 1.0);
        var fraction = Math.Clamp(JitterFraction, 0.0, 1.0);
        // Cap the exponent so huge attempt numbers cannot overflow to infinity or NaN.
        var nominal = Initial.TotalMilliseconds * Math.Pow(Multiplier, Math.Min(attempt - 1, 60));
        var capped = Math.Min(nominal, Maximum.TotalMilliseconds);
        var jittered = capped * (1.0 - (fraction * sample));
        return TimeSpan.FromMilliseconds(Math.Max(0, jittered));
    }
}
