using System.Globalization;
using System.Text.Json.Nodes;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Controllers.Orders;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Harness;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Policies;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.EndToEnd;

/// <summary>
/// A renewal storm against real Pebble with the per-account order limiter on a fake clock: only the bucket's
/// tokens reach the CA, the rest wait visibly (OrderRateLimited) and proceed once the clock has refilled it.
/// </summary>
public sealed class OrderRateLimitStormTests(ITestOutputHelper output)
{
    private const int Certificates = 20;

    // 25 tokens: 20 first issuances leave exactly 5 for the storm. Refill takes a (fake) hour.
    private const int Burst = 25;
    private const int LeftForStorm = Burst - Certificates;

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [SkippableFact]
    public async Task RenewalStormSendsOnlyTheBucketsOrdersAndTheRestFollowAfterRefill()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = cts.Token;
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var limiter = new AcmeOrderRateLimiter(new AcmeOrderRate(Burst, TimeSpan.FromHours(1)), clock);
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.EndToEnd with
        {
            Pebble = new PebbleOptions { AuthzReusePercent = 100, NonceRejectPercent = 0 },
            Operator = o => o with { Workers = 4 },
            Services = s => s with { OrderRateLimiter = _ => limiter },
        }, ct);
        await h.StartOperatorAsync(ct);
        await h.CreateAcmeIssuerAsync("pebble", ct);
        var names = Enumerable.Range(0, Certificates).Select(i => $"storm-{i:D2}").ToList();
        foreach (var name in names)
        {
            await h.CreateCertificateAsync(name, "pebble", [$"{name}.example.com"], ct);
        }
        await WaitAllReadyAsync(h, names, revision: 1, ct);
        var account = AcmeOrderRateLimiter.AccountKey((await h.Apis.Issuers.GetAsync(h.Namespace, "pebble", ct))!);
        // Should a token go missing, say which Certificate spent it.
        var firstOrders = (await h.Apis.Orders.ListAsync(h.Namespace, null, ct)).Items;
        output.WriteLine($"{firstOrders.Count} Orders after the first issuance: " + string.Join(", ", firstOrders.Select(o => $"{o.Metadata.Name}={o.Status?.State}")));
        Assert.Equal(LeftForStorm, limiter.Available(account), 6);

        // The storm: every certificate asks for renewal at once.
        var requestedAt = DateTimeOffset.UtcNow.AddSeconds(1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
        foreach (var name in names)
        {
            await h.Apis.Certificates.PatchAsync(h.Namespace, name,
                AnnotationPatch(PolicyAnnotations.RenewRequestedAt, requestedAt), ct);
        }

        // Every storm Order either reached the CA or waits; no more than the bucket's tokens reached it.
        var counts = await WaitForAsync(async () =>
        {
            var orders = await StormOrdersAsync(h, ct);
            var reached = orders.Count(o => !string.IsNullOrEmpty(o.Status?.Url));
            var held = orders.Count(o => OrderRateLimits.IsWaiting(o.Status));
            return reached + held == Certificates ? new[] { reached, held } : null;
        }, "every storm Order sent or waiting", ct);
        var (sent, waiting) = (counts[0], counts[1]);
        Assert.Equal(LeftForStorm, sent);
        Assert.Equal(Certificates - LeftForStorm, waiting);

        var held = await WaitForAsync(async () =>
        {
            var list = await h.Apis.Certificates.ListAsync(h.Namespace, null, ct);
            var limited = list.Items.Where(c => ConditionSet.Find(c.Status?.Conditions, ConditionTypes.Issuing)?.Reason == OrderRateLimits.Reason).ToList();
            return limited.Count == waiting ? limited : null;
        }, "waiting Certificates show OrderRateLimited", ct);
        Assert.All(held, c => Assert.Contains("5 new orders", ConditionSet.Find(c.Status!.Conditions, ConditionTypes.Issuing)!.Message, StringComparison.Ordinal));
        var events = await CoreResourceApis.Events(h.Env.Client).ListAsync(h.Namespace, null, ct);
        var limitedEvents = events.Items.Where(e => e.Reason == OrderRateLimits.Reason).ToList();
        // One Event per waiting Order and one on its Certificate: the retries do not repeat it.
        Assert.Equal(2 * waiting, limitedEvents.Count);
        Assert.All(limitedEvents, e => Assert.True((e.Count ?? 1) == 1, $"{e.InvolvedObject.Name} has {e.Count} OrderRateLimited events"));

        // The fake clock is frozen, so nothing else may reach the CA, however often the Orders are looked at.
        await PokeWaitingOrdersAsync(h, ct);
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.Equal(LeftForStorm, (await StormOrdersAsync(h, ct)).Count(o => !string.IsNullOrEmpty(o.Status?.Url)));

        // An hour later (on the limiter's clock) the bucket is full again and the waiting Orders proceed.
        clock.Advance(TimeSpan.FromHours(1));
        await PokeWaitingOrdersAsync(h, ct);
        var renewed = await WaitAllReadyAsync(h, names, revision: 2, ct);
        Assert.All(renewed, c => Assert.Null(ConditionSet.Find(c.Status!.Conditions, ConditionTypes.Issuing)));
        Assert.Equal(Burst - waiting, limiter.Available(account), 6);
    }

    private static async Task<List<Order>> StormOrdersAsync(OperatorHarness h, CancellationToken ct)
    {
        var orders = await h.Apis.Orders.ListAsync(h.Namespace, null, ct);
        return [.. orders.Items.Where(o => OrderFactory.RevisionOf(o) == 2)];
    }

    /// <summary>The limiter's wait is in fake time; touching the Orders makes the controller look now instead.</summary>
    private static async Task PokeWaitingOrdersAsync(OperatorHarness h, CancellationToken ct)
    {
        foreach (var order in (await StormOrdersAsync(h, ct)).Where(o => OrderRateLimits.IsWaiting(o.Status)))
        {
            await h.Apis.Orders.PatchAsync(h.Namespace, order.Metadata.Name,
                AnnotationPatch("test/poke", Guid.NewGuid().ToString("N")), ct);
        }
    }

    private static string AnnotationPatch(string key, string value) =>
        new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [key] = value } } }.ToJsonString();

    private static async Task<List<Certificate>> WaitAllReadyAsync(OperatorHarness h, IReadOnlyList<string> names, int revision, CancellationToken ct) =>
        await WaitForAsync(async () =>
        {
            var list = await h.Apis.Certificates.ListAsync(h.Namespace, null, ct);
            var ready = list.Items.Where(c => names.Contains(c.Metadata.Name)
                && c.Status?.Revision == revision
                && ConditionSet.IsTrue(c.Status.Conditions, ConditionTypes.Ready)
                && ConditionSet.Find(c.Status.Conditions, ConditionTypes.Issuing) is null).ToList();
            return ready.Count == names.Count ? ready : null;
        }, $"all certificates Ready at revision {revision}", ct);

    private static Task<T> WaitForAsync<T>(Func<Task<T?>> read, string what, CancellationToken ct)
        where T : class =>
        ApiPoll.UntilAsync(_ => read(), _ => true, Patience, TimeSpan.FromMilliseconds(200), what, ct);
}
