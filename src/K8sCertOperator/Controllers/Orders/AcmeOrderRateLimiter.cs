using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>
/// One token bucket per ACME account for new orders, so a storm of issuances or renewals stays inside the CA's
/// per-account limit instead of collecting rateLimited errors. Orders that find the bucket empty queue per
/// account (<see cref="OrderSlotQueue"/>): each is told when its own token is due, so the waiters wake one per
/// token instead of all at once for the same one. An Order deleted while waiting gives its place up
/// (<see cref="Release"/>), and one that never comes back loses it after a grace period, so neither holds a token.
/// </summary>
/// <remarks>
/// Buckets live in memory: a new leader starts with full buckets. That can allow one extra burst per failover,
/// which the CA's own limit still catches.
/// </remarks>
public sealed class AcmeOrderRateLimiter
{
    private readonly object _gate = new();
    private readonly Dictionary<string, OrderSlotQueue> _accounts = new(StringComparer.Ordinal);
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
    /// the next free token is due. Callers that come back should pass a waiter id to keep their place.
    /// </summary>
    public TimeSpan? TryAcquire(string account) => TryAcquire(account, null);

    /// <summary>
    /// Takes a token for <paramref name="waiter"/> (an Order's key) on <paramref name="account"/>: null when the
    /// order may be created now, else how long until this waiter's own slot, its place in the queue being kept.
    /// </summary>
    public TimeSpan? TryAcquire(string account, string? waiter)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (Rate is not { } rate)
        {
            return null;
        }

        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var queue = QueueFor(account, rate, now);
            if (waiter is not null)
            {
                // An issuer whose account key changed (registered since) leaves a place in the old queue: moot now.
                foreach (var (other, otherQueue) in _accounts)
                {
                    if (other != account)
                    {
                        otherQueue.Release(waiter);
                    }
                }
            }
            return queue.Claim(waiter, now);
        }
    }

    /// <summary>Gives up <paramref name="waiter"/>'s place (its Order was deleted or no longer needs a token).</summary>
    public bool Release(string waiter)
    {
        ArgumentNullException.ThrowIfNull(waiter);
        lock (_gate)
        {
            var released = false;
            foreach (var queue in _accounts.Values)
            {
                released |= queue.Release(waiter);
            }
            return released;
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
            return _accounts.TryGetValue(account, out var queue) ? queue.Available(_time.GetUtcNow()) : rate.Count;
        }
    }

    /// <summary>The Orders waiting on <paramref name="account"/>, first served first (for tests and diagnostics).</summary>
    public IReadOnlyList<string> Waiters(string account)
    {
        lock (_gate)
        {
            return _accounts.TryGetValue(account, out var queue) ? queue.Waiters : [];
        }
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

    private OrderSlotQueue QueueFor(string account, AcmeOrderRate rate, DateTimeOffset now)
    {
        if (!_accounts.TryGetValue(account, out var queue))
        {
            queue = new OrderSlotQueue(rate, now);
            _accounts[account] = queue;
        }
        return queue;
    }
}
