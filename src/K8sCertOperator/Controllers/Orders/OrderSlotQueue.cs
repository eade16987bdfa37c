namespace K8sCertOperator.Controllers.Orders;

/// <summary>
/// One ACME account's order bucket plus the first-come queue of Orders waiting for a token. The k-th waiter
/// (from 0) is given the instant the bucket will hold k + 1 tokens, so each waiter wakes when its own token is
/// due: no herd of waiters waking for the same token, and no token left unused while someone waits.
/// </summary>
/// <remarks>
/// Only whole tokens already in the bucket are ever taken, so the bucket's limit holds whatever order waiters
/// come back in; a reservation only keeps newcomers and later waiters from taking a token an earlier waiter
/// is due. Not thread-safe: <see cref="AcmeOrderRateLimiter"/> serialises access. Times are passed in, so the
/// behaviour is a pure function of the calls.
/// </remarks>
public sealed class OrderSlotQueue
{
    // Float error in the refill must not turn "exactly due" into one more tiny wait.
    private const double Epsilon = 1e-9;

    private readonly List<Waiter> _waiters = [];
    private double _tokens;
    private DateTimeOffset _updated;

    public OrderSlotQueue(AcmeOrderRate rate, DateTimeOffset now)
    {
        Rate = rate ?? throw new ArgumentNullException(nameof(rate));
        _tokens = rate.Count;
        _updated = now;
    }

    /// <summary>The shortest wait handed out, so a waiter woken a little early does not spin.</summary>
    public static TimeSpan MinimumWait { get; } = TimeSpan.FromMilliseconds(100);

    public AcmeOrderRate Rate { get; }

    /// <summary>
    /// How long past its slot a waiter may stay away before its place is given up (an Order deleted while this
    /// process was not watching, or whose issuer stopped being ready): long enough for a busy work queue.
    /// </summary>
    public TimeSpan AbandonAfter => Rate.Interval * 2 > TimeSpan.FromSeconds(30) ? Rate.Interval * 2 : TimeSpan.FromSeconds(30);

    /// <summary>The waiters in the order they will be served.</summary>
    public IReadOnlyList<string> Waiters => _waiters.ConvertAll(w => w.Id);

    /// <summary>Whole and partial tokens in the bucket at <paramref name="now"/>.</summary>
    public double Available(DateTimeOffset now) => Refill(_tokens, _updated, now, Rate);

    /// <summary>
    /// Asks for a token for <paramref name="waiter"/> (null: a caller that does not queue). Null when it may
    /// create its order now; otherwise the wait until its own slot, keeping (or taking) its place in the queue.
    /// </summary>
    public TimeSpan? Claim(string? waiter, DateTimeOffset now)
    {
        _tokens = Refill(_tokens, _updated, now, Rate);
        _updated = now;
        DropAbandoned(waiter, now);

        var position = waiter is null ? _waiters.Count : _waiters.FindIndex(w => w.Id == waiter);
        if (position < 0)
        {
            position = _waiters.Count;
            _waiters.Add(new Waiter(waiter!, now));
        }

        var wait = SlotWait(_tokens, position, Rate);
        if (wait is null)
        {
            _tokens = Math.Max(0, _tokens - 1);
            if (position < _waiters.Count)
            {
                _waiters.RemoveAt(position);
            }
            return null;
        }

        if (position < _waiters.Count)
        {
            _waiters[position] = _waiters[position] with { SlotAt = now + wait.Value };
        }
        return wait;
    }

    /// <summary>Gives up <paramref name="waiter"/>'s place (its Order is gone); the waiters behind move up.</summary>
    public bool Release(string waiter) => _waiters.RemoveAll(w => w.Id == waiter) > 0;

    /// <summary>
    /// The pure slot rule: a waiter with <paramref name="position"/> waiters ahead of it may take a token when the
    /// bucket holds more than those waiters need; otherwise it waits until the bucket will (at least
    /// <see cref="MinimumWait"/>).
    /// </summary>
    public static TimeSpan? SlotWait(double tokens, int position, AcmeOrderRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        var needed = position + 1 - tokens;
        if (needed <= Epsilon)
        {
            return null;
        }

        var wait = TimeSpan.FromTicks((long)Math.Ceiling(needed * rate.Interval.Ticks));
        return wait < MinimumWait ? MinimumWait : wait;
    }

    /// <summary>The bucket refilled evenly for the time since <paramref name="updated"/>, never beyond its size.</summary>
    public static double Refill(double tokens, DateTimeOffset updated, DateTimeOffset now, AcmeOrderRate rate)
    {
        ArgumentNullException.ThrowIfNull(rate);
        var elapsed = now - updated;
        if (elapsed <= TimeSpan.Zero)
        {
            return tokens;
        }
        return Math.Min(rate.Count, tokens + (elapsed.Ticks / (double)rate.Interval.Ticks));
    }

    // The caller itself is back, however late (a busy operator), so it keeps its place.
    private void DropAbandoned(string? caller, DateTimeOffset now)
    {
        var abandonAfter = AbandonAfter;
        _waiters.RemoveAll(w => w.Id != caller && now - w.SlotAt > abandonAfter);
    }

    private readonly record struct Waiter(string Id, DateTimeOffset SlotAt);
}
