using K8sCertOperator.Controllers.Orders;

namespace K8sCertOperator.Tests.Controllers.Orders;

/// <summary>
/// The per-account queue of Orders waiting for an order token: each waiter gets its own slot, the bucket is never
/// exceeded however the waiters come back, and a waiter that goes away frees its place.
/// </summary>
public sealed class OrderSlotQueueTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly AcmeOrderRate FivePerTenMinutes = new(5, TimeSpan.FromMinutes(10));
    private static readonly AcmeOrderRate FivePerTenSeconds = new(5, TimeSpan.FromSeconds(10));

    [Theory]
    // tokens in the bucket, waiters ahead, expected wait in seconds (null = may create now); interval 120 s
    [InlineData(5.0, 0, null)]
    [InlineData(1.0, 0, null)]
    [InlineData(5.0, 4, null)]
    [InlineData(5.0, 5, 120.0)]
    [InlineData(0.0, 0, 120.0)]
    [InlineData(0.0, 3, 480.0)]
    [InlineData(0.5, 0, 60.0)]
    [InlineData(2.5, 2, 60.0)]
    [InlineData(3.0, 2, null)]
    [InlineData(0.9999, 0, 0.1)]
    [InlineData(0.9999999999999, 0, null)]
    public void SlotWait_is_the_time_until_the_bucket_holds_a_token_for_every_waiter_ahead_and_this_one(double tokens, int ahead, double? expected)
    {
        var wait = OrderSlotQueue.SlotWait(tokens, ahead, FivePerTenMinutes);

        Assert.Equal(expected, wait?.TotalSeconds is { } w ? Math.Round(w, 3) : null);
    }

    [Theory]
    // tokens before, seconds since the last update, expected tokens
    [InlineData(0.0, 0, 0.0)]
    [InlineData(0.0, 60, 0.5)]
    [InlineData(0.0, 0.2, 0.0016666666666666668)]
    [InlineData(4.0, 3600, 5.0)]
    [InlineData(2.0, -5, 2.0)]
    public void Refill_adds_tokens_evenly_up_to_the_burst(double tokens, double seconds, double expected)
    {
        Assert.Equal(expected, OrderSlotQueue.Refill(tokens, T0, T0.AddSeconds(seconds), FivePerTenMinutes), 9);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(20)]
    [InlineData(200)]
    public void Every_waiter_gets_its_own_slot_one_interval_apart(int count)
    {
        var queue = new OrderSlotQueue(FivePerTenSeconds, T0);
        var waits = Enumerable.Range(0, count).Select(i => queue.Claim($"o{i}", T0)).ToList();

        Assert.All(waits.Take(5), w => Assert.Null(w));
        var queued = waits.Skip(5).Select(w => w!.Value).ToList();
        Assert.Equal(queued.Count, queued.Distinct().Count());
        Assert.Equal(Enumerable.Range(1, queued.Count).Select(k => TimeSpan.FromSeconds(2 * k)), queued);
        Assert.Equal(Enumerable.Range(5, queued.Count).Select(i => $"o{i}"), queue.Waiters);
    }

    [Fact]
    public void Waiters_that_come_back_at_their_slot_each_use_their_token_at_once()
    {
        var queue = new OrderSlotQueue(FivePerTenSeconds, T0);
        var grants = Simulate(queue, 50, T0, _ => TimeSpan.Zero, out var claims);

        // 5 at once, then one every interval with no token left unused: the 50th at 45 intervals.
        Assert.Equal(50, grants.Count);
        Assert.Equal(TimeSpan.FromSeconds(90), grants.Max() - T0);
        Assert.Equal(grants.Count, grants.Skip(5).Distinct().Count() + 5);
        AssertBucketHeld(grants, FivePerTenSeconds);
        // Each waiter asked once on arrival and once at its slot: no herd of retries.
        Assert.True(claims <= 2 * 50, $"{claims} claims for 50 waiters");
        Assert.Empty(queue.Waiters);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_bucket_holds_however_late_and_in_whatever_order_waiters_come_back(int seed)
    {
        var random = new Random(seed);
        var queue = new OrderSlotQueue(FivePerTenSeconds, T0);
        var grants = Simulate(queue, 60, T0, _ => TimeSpan.FromMilliseconds(random.Next(0, 5000)), out _);

        Assert.Equal(60, grants.Count);
        AssertBucketHeld(grants, FivePerTenSeconds);
        Assert.Empty(queue.Waiters);
    }

    [Fact]
    public void A_newcomer_does_not_take_the_token_a_waiter_is_due()
    {
        var queue = new OrderSlotQueue(FivePerTenSeconds, T0);
        DrainBurst(queue, T0);
        Assert.Equal(TimeSpan.FromSeconds(2), queue.Claim("first", T0));

        var due = T0.AddSeconds(2);
        Assert.Equal(TimeSpan.FromSeconds(2), queue.Claim("newcomer", due));
        Assert.Null(queue.Claim("first", due));
        Assert.Null(queue.Claim("newcomer", due.AddSeconds(2)));
    }

    [Fact]
    public void A_waiter_that_is_released_frees_its_slot_for_the_ones_behind()
    {
        var queue = new OrderSlotQueue(FivePerTenSeconds, T0);
        DrainBurst(queue, T0);
        Assert.Equal(TimeSpan.FromSeconds(2), queue.Claim("a", T0));
        Assert.Equal(TimeSpan.FromSeconds(4), queue.Claim("b", T0));
        Assert.Equal(TimeSpan.FromSeconds(6), queue.Claim("c", T0));

        Assert.True(queue.Release("a"));
        Assert.False(queue.Release("a"));

        Assert.Equal(["b", "c"], queue.Waiters);
        // The freed slot goes to b: the newcomer is served at c's old slot.
        Assert.Equal(TimeSpan.FromSeconds(6), queue.Claim("d", T0));
        Assert.Null(queue.Claim("b", T0.AddSeconds(2)));
        Assert.Null(queue.Claim("c", T0.AddSeconds(4)));
        Assert.Null(queue.Claim("d", T0.AddSeconds(6)));
    }

    [Fact]
    public void A_waiter_that_never_comes_back_loses_its_place_after_the_grace_period()
    {
        var queue = new OrderSlotQueue(FivePerTenSeconds, T0);
        DrainBurst(queue, T0);
        queue.Claim("gone", T0);
        queue.Claim("late", T0);

        var stillHeld = T0.AddSeconds(2) + queue.AbandonAfter;
        queue.Claim("probe", stillHeld);
        Assert.Contains("gone", queue.Waiters);

        var past = stillHeld.AddSeconds(1);
        queue.Release("probe");
        queue.Claim("probe", past);
        Assert.Equal(["late"], queue.Waiters);
        Assert.Null(queue.Claim("late", past));
    }

    [Fact]
    public void Callers_without_an_id_never_queue_and_never_take_a_reserved_token()
    {
        var queue = new OrderSlotQueue(FivePerTenSeconds, T0);
        DrainBurst(queue, T0);
        queue.Claim("waiter", T0);

        Assert.Equal(TimeSpan.FromSeconds(3), queue.Claim(null, T0.AddSeconds(1)));
        Assert.Equal(["waiter"], queue.Waiters);
        Assert.Null(queue.Claim(null, T0.AddSeconds(4)));
    }

    private static void DrainBurst(OrderSlotQueue queue, DateTimeOffset now)
    {
        for (var i = 0; i < queue.Rate.Count; i++)
        {
            Assert.Null(queue.Claim(null, now));
        }
    }

    /// <summary>
    /// Discrete-event run: <paramref name="count"/> Orders claim at <paramref name="start"/>; each refused one comes
    /// back at its slot plus <paramref name="lateness"/>. Returns when each was granted.
    /// </summary>
    private static List<DateTimeOffset> Simulate(OrderSlotQueue queue, int count, DateTimeOffset start, Func<int, TimeSpan> lateness, out int claims)
    {
        var pending = new PriorityQueue<string, DateTimeOffset>();
        for (var i = 0; i < count; i++)
        {
            pending.Enqueue($"o{i}", start);
        }
        var grants = new List<DateTimeOffset>();
        claims = 0;
        while (pending.TryDequeue(out var id, out var at))
        {
            claims++;
            Assert.True(claims < 10 * count, "waiters keep retrying");
            if (queue.Claim(id, at) is { } wait)
            {
                pending.Enqueue(id, at + wait + lateness(claims));
            }
            else
            {
                grants.Add(at);
            }
        }
        return grants;
    }

    /// <summary>Token-bucket invariant: any run of k grants spanning d holds at most Count + d / Interval.</summary>
    private static void AssertBucketHeld(List<DateTimeOffset> grants, AcmeOrderRate rate)
    {
        var sorted = grants.Order().ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            for (var j = i; j < sorted.Count; j++)
            {
                var allowed = rate.Count + ((sorted[j] - sorted[i]) / rate.Interval) + 1e-9;
                Assert.True(j - i + 1 <= allowed, $"{j - i + 1} orders between +{(sorted[i] - T0).TotalSeconds} s and +{(sorted[j] - T0).TotalSeconds} s; the bucket allows {allowed:F2}");
            }
        }
    }
}
