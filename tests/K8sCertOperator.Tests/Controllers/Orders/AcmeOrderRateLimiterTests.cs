using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Orders;
using Microsoft.Extensions.Time.Testing;

namespace K8sCertOperator.Tests.Controllers.Orders;

/// <summary>The per-account order bucket: burst, refill, waits, queued waiters, and which issuers share an account.</summary>
public sealed class AcmeOrderRateLimiterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly AcmeOrderRate FivePerTenMinutes = new(5, TimeSpan.FromMinutes(10));

    [Fact]
    public void Allows_the_burst_then_says_when_the_next_token_is_due()
    {
        var time = new FakeTimeProvider(T0);
        var limiter = new AcmeOrderRateLimiter(FivePerTenMinutes, time);

        var results = Enumerable.Range(0, 7).Select(_ => limiter.TryAcquire("acct")).ToList();

        Assert.All(results.Take(5), r => Assert.Null(r));
        Assert.Equal(TimeSpan.FromMinutes(2), results[5]);
        Assert.Equal(TimeSpan.FromMinutes(2), results[6]);
        Assert.Equal(0, limiter.Available("acct"), 6);
    }

    [Fact]
    public void Refills_at_the_rate_and_never_beyond_the_burst()
    {
        var time = new FakeTimeProvider(T0);
        var limiter = new AcmeOrderRateLimiter(FivePerTenMinutes, time);
        for (var i = 0; i < 5; i++)
        {
            Assert.Null(limiter.TryAcquire("acct"));
        }

        time.Advance(TimeSpan.FromSeconds(90));
        Assert.Equal(TimeSpan.FromSeconds(30), limiter.TryAcquire("acct"));
        time.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(limiter.TryAcquire("acct"));
        Assert.NotNull(limiter.TryAcquire("acct"));

        time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(5, limiter.Available("acct"), 6);
        var allowed = Enumerable.Range(0, 10).Count(_ => limiter.TryAcquire("acct") is null);
        Assert.Equal(5, allowed);
    }

    [Fact]
    public void Accounts_have_separate_buckets()
    {
        var time = new FakeTimeProvider(T0);
        var limiter = new AcmeOrderRateLimiter(new AcmeOrderRate(1, TimeSpan.FromHours(1)), time);

        Assert.Null(limiter.TryAcquire("a"));
        Assert.NotNull(limiter.TryAcquire("a"));
        Assert.Null(limiter.TryAcquire("b"));
    }

    [Fact]
    public void Queued_orders_each_get_their_own_slot_and_are_served_at_it()
    {
        var time = new FakeTimeProvider(T0);
        var limiter = new AcmeOrderRateLimiter(FivePerTenMinutes, time);
        var first = Enumerable.Range(0, 8).Select(i => limiter.TryAcquire("acct", $"ns/o{i}")).ToList();

        Assert.All(first.Take(5), w => Assert.Null(w));
        Assert.Equal([TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(4), TimeSpan.FromMinutes(6)], first.Skip(5).Select(w => w!.Value));
        Assert.Equal(["ns/o5", "ns/o6", "ns/o7"], limiter.Waiters("acct"));

        // The last in line asking again early changes nothing; each is served at its own slot.
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(TimeSpan.FromMinutes(4), limiter.TryAcquire("acct", "ns/o7"));
        Assert.Null(limiter.TryAcquire("acct", "ns/o5"));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(limiter.TryAcquire("acct", "ns/o6"));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(limiter.TryAcquire("acct", "ns/o7"));
        Assert.Empty(limiter.Waiters("acct"));
        Assert.Equal(0, limiter.Available("acct"), 6);
    }

    [Fact]
    public void A_released_order_gives_its_slot_to_the_next_in_line()
    {
        var time = new FakeTimeProvider(T0);
        var limiter = new AcmeOrderRateLimiter(new AcmeOrderRate(1, TimeSpan.FromMinutes(1)), time);
        Assert.Null(limiter.TryAcquire("acct", "ns/a"));
        Assert.Equal(TimeSpan.FromMinutes(1), limiter.TryAcquire("acct", "ns/b"));
        Assert.Equal(TimeSpan.FromMinutes(2), limiter.TryAcquire("acct", "ns/c"));

        Assert.True(limiter.Release("ns/b"));
        Assert.False(limiter.Release("ns/b"));

        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Null(limiter.TryAcquire("acct", "ns/c"));
    }

    [Fact]
    public void An_order_whose_account_key_changed_leaves_the_old_queue()
    {
        var time = new FakeTimeProvider(T0);
        var limiter = new AcmeOrderRateLimiter(new AcmeOrderRate(1, TimeSpan.FromMinutes(1)), time);
        Assert.Null(limiter.TryAcquire("unregistered", "ns/x"));
        Assert.NotNull(limiter.TryAcquire("unregistered", "ns/a"));

        Assert.Null(limiter.TryAcquire("registered", "ns/a"));
        Assert.Empty(limiter.Waiters("unregistered"));
    }

    [Fact]
    public void Without_a_rate_everything_is_allowed()
    {
        var limiter = AcmeOrderRateLimiter.Unlimited;

        Assert.All(Enumerable.Range(0, 1000), _ => Assert.Null(limiter.TryAcquire("acct")));
        Assert.Equal(double.PositiveInfinity, limiter.Available("acct"));
    }

    [Fact]
    public void Issuers_sharing_a_registered_account_share_a_key()
    {
        var a = AcmeIssuer("a", "uid-a", "https://acme.example/dir", "https://acme.example/acct/1");
        var b = AcmeIssuer("b", "uid-b", " https://acme.example/dir ", "https://acme.example/acct/1");
        var c = AcmeIssuer("c", "uid-c", "https://acme.example/dir", "https://acme.example/acct/2");
        var otherServer = AcmeIssuer("d", "uid-d", "https://other.example/dir", "https://acme.example/acct/1");

        Assert.Equal(AcmeOrderRateLimiter.AccountKey(a), AcmeOrderRateLimiter.AccountKey(b));
        Assert.NotEqual(AcmeOrderRateLimiter.AccountKey(a), AcmeOrderRateLimiter.AccountKey(c));
        Assert.NotEqual(AcmeOrderRateLimiter.AccountKey(a), AcmeOrderRateLimiter.AccountKey(otherServer));
    }

    [Fact]
    public void Unregistered_issuers_fall_back_to_their_identity()
    {
        var a = AcmeIssuer("a", "uid-a", "https://acme.example/dir", null);
        var b = AcmeIssuer("b", "uid-b", "https://acme.example/dir", null);

        Assert.NotEqual(AcmeOrderRateLimiter.AccountKey(a), AcmeOrderRateLimiter.AccountKey(b));
        Assert.Contains("uid-a", AcmeOrderRateLimiter.AccountKey(a), StringComparison.Ordinal);
    }

    [Fact]
    public void Waiting_orders_are_recognised_only_before_they_reach_the_ca()
    {
        var message = OrderRateLimits.Message(FivePerTenMinutes);

        Assert.StartsWith("OrderRateLimited: ", message, StringComparison.Ordinal);
        Assert.Contains("5 new orders per 10m", message, StringComparison.Ordinal);
        Assert.True(OrderRateLimits.IsWaiting(new OrderStatus { Reason = message }));
        Assert.False(OrderRateLimits.IsWaiting(new OrderStatus { Reason = message, Url = "https://acme.example/order/1" }));
        Assert.False(OrderRateLimits.IsWaiting(new OrderStatus { Reason = "ACME server refused the order", State = AcmeStates.Errored }));
        Assert.False(OrderRateLimits.IsWaiting(null));
    }

    private static Issuer AcmeIssuer(string name, string uid, string server, string? accountUri) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "ns", Uid = uid },
        Spec = new IssuerSpec { Acme = new K8sCertOperator.Api.Acme.AcmeIssuer { Server = server, PrivateKeySecretRef = new SecretKeySelector { Name = name + "-key" } } },
        Status = accountUri is null ? null : new IssuerStatus { Acme = new AcmeIssuerStatus { Uri = accountUri, LastPrivateKeyHash = "h" } },
    };
}
