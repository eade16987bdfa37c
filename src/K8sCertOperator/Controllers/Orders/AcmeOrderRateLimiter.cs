using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>
/// One token bucket per ACME account for new orders, so a storm of issuances or renewals stays inside the CA's
/// per-account limit instead of collecting rateLimited errors. Unlike the work queue's bucket it never reserves
/// future tokens: a refused caller is told when the next token is due and asks again then, so an Order deleted
/// while waiting does not hold a token.
/// </summary>
/// <remarks>
/// Buckets live in memory: a new leader starts with full buckets. That can allow one extra burst per failover,
/// which the CA's own limit still catches.
/// </remarks>
public sealed class AcmeOrderRateLimiter
{
    private readonly object _gate = new();
    private readonly Dictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public AcmeOrderRateLimiter(AcmeOrderRate? rate, TimeProvider? time = null)
    {
        Rate = rate;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>A limiter that always allows (no rate configured).</summary>
    public static AcmeOrderRateLimiter Unlimited { get; } = new(null);

    public AcmeOrderRate? Rate { get; }

    /// <summary>
    /// Takes a token for <paramref name="account"/>: null when the order may be created now, else how long until
    /// the next token is due.
    /// </summary>
    public TimeSpan? TryAcquire(string account)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (Rate is not { } rate)
        {
            return null;
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            if (!_buckets.TryGetValue(account, out var bucket))
            {
                bucket = new Bucket(rate.Count, now);
                _buckets[account] = bucket;
            }

            var (tokens, wait) = Take(bucket.Tokens, bucket.Updated, now, rate);
            _buckets[account] = new Bucket(tokens, now);
            return wait;
        }
    }

    /// <summary>Tokens left for <paramref name="account"/> now (for status messages and tests).</summary>
    public double Available(string account)
    {
        if (Rate is not { } rate)
        {
            return double.PositiveInfinity;
        }

        lock (_gate)
        {
            return _buckets.TryGetValue(account, out var bucket) ? Refill(bucket.Tokens, bucket.Updated, _time.GetUtcNow(), rate) : rate.Count;
        }
    }

    /// <summary>
    /// The pure bucket step: refill for the time passed, then take one token if there is a whole one.
    /// Returns the tokens left and null, or the unchanged tokens and the wait until one is whole.
    /// </summary>
    public static (double Tokens, TimeSpan? Wait) Take(double tokens, DateTimeOffset updated, DateTimeOffset now, AcmeOrderRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        var current = Refill(tokens, updated, now, rate);
        if (current >= 1)
        {
            return (current - 1, null);
        }

        var missing = 1 - current;
        var wait = TimeSpan.FromTicks((long)Math.Ceiling(missing * rate.Interval.Ticks));
        return (current, wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait);
    }

    /// <summary>
    /// The bucket key of an issuer's account: the ACME server plus the registered account URL (or, before
    /// registration, the account key Secret), so two issuers sharing one account share one bucket.
    /// </summary>
    public static string AccountKey(IGenericIssuer issuer)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        var server = issuer.Spec?.Acme?.Server?.Trim() ?? "";
        var account = issuer.Status?.Acme?.Uri;
        if (string.IsNullOrEmpty(account))
        {
            account = issuer.Status?.Acme?.LastPrivateKeyHash;
        }
        if (string.IsNullOrEmpty(account))
        {
            account = "issuer:" + (issuer.Metadata?.Uid ?? issuer.Metadata?.NamespaceProperty + "/" + issuer.Metadata?.Name);
        }
        return server + " " + account;
    }

    private static double Refill(double tokens, DateTimeOffset updated, DateTimeOffset now, AcmeOrderRate rate)
    {
        var elapsed = now - updated;
        if (elapsed <= TimeSpan.Zero)
        {
            return tokens;
        }
        return Math.Min(rate.Count, tokens + (elapsed.Ticks / (double)rate.Interval.Ticks));
    }

    private readonly record struct Bucket(double Tokens, DateTimeOffset Updated);
}
