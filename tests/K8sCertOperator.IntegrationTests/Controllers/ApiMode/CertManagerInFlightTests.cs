using System.Text.Json.Nodes;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.ApiMode;

/// <summary>
/// Take-over in the middle of an issuance cert-manager started (<see cref="CertManagerInFlight"/>): an ACME order
/// still usable at the CA is resumed (its request, Order and Challenges adopted, no new order at the CA); one the CA
/// has failed is cleaned up and re-requested through the operator's own request. Either way the Certificate becomes
/// Ready and nothing is left: no Challenge held by a finalizer, no pending request, no second Order.
/// </summary>
public sealed class CertManagerInFlightTests(ITestOutputHelper output)
{
    private static readonly string[] Names = ["inflight.example.com", "www.inflight.example.com"];

    [SkippableFact]
    public async Task APendingOrderCertManagerLeftIsResumedWithoutANewOrderAtTheCa()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var h = await StartAsync(ct);
        using var left = await CertManagerInFlight.LeaveAsync(h, "web", Names, ct);
        var cm = new CertManagerObjects(h.Env.Client, h.Namespace);
        var raw = await cm.ListAsync(CertManagerObjects.AcmeGroup, "challenges", ct);
        Assert.Contains(raw, c => c["metadata"]!["finalizers"]?.AsArray().Any(f => (string?)f == CertManagerInFlight.LegacyFinalizer) == true);
        var ordersAtCa = h.Pebble.CountRequests("POST", PebbleFixture.NewOrderPath);

        await h.StartOperatorAsync(ct);

        var (request, order) = await AssertIssuedOnceAsync(h, cm, ordersAtCa, ct);
        Assert.Equal(left.RequestName, (string?)request["metadata"]!["name"]);
        Assert.Equal(left.Order.Metadata.Name, (string?)order["metadata"]!["name"]);
        Assert.Equal(left.Order.Status!.Url, (string?)order["status"]!["url"]);
    }

    [SkippableFact]
    public async Task AnOrderTheCaFailedIsCleanedUpAndReRequested()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var h = await StartAsync(ct);
        using var left = await CertManagerInFlight.LeaveAsync(h, "web", Names, ct);
        // cert-manager had the CA validate while nothing answered: the authorization, and with it the order, is invalid.
        await left.Client.AnswerChallengeAsync(new Uri(left.Challenges[0].Spec.Url), ct);
        while ((await left.Client.GetOrderAsync(new Uri(left.Order.Status!.Url!), ct)).Status != AcmeStatus.Invalid)
        {
            await Task.Delay(100, ct);
        }

        var ordersAtCa = h.Pebble.CountRequests("POST", PebbleFixture.NewOrderPath);
        var cm = new CertManagerObjects(h.Env.Client, h.Namespace);

        await h.StartOperatorAsync(ct);

        var (request, order) = await AssertIssuedOnceAsync(h, cm, ordersAtCa + 1, ct);
        Assert.NotEqual(left.RequestName, (string?)request["metadata"]!["name"]);
        Assert.NotEqual(left.Order.Metadata.Name, (string?)order["metadata"]!["name"]);
    }

    [SkippableFact]
    public async Task AChallengeWhoseOrderIsGoneIsReleasedAndDeleted()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var h = await StartAsync(ct);
        await h.CreateAcmeIssuerAsync("pebble", ct);
        await CertManagerInFlight.LeaveOrphanAsync(h, "gone-1-2829172-1298700000", ct);

        await h.StartOperatorAsync(ct);

        await WaitNoneAsync(new CertManagerObjects(h.Env.Client, h.Namespace), CertManagerObjects.AcmeGroup, "challenges", ct);
    }

    /// <summary>
    /// The Certificate becomes Ready with revision 1 and a Secret that serves; the CA saw <paramref name="ordersAtCa"/>
    /// new orders in all; one request (Ready) and one Order (valid) remain, and no Challenge.
    /// </summary>
    private static async Task<(JsonObject Request, JsonObject Order)> AssertIssuedOnceAsync(OperatorHarness h, CertManagerObjects cm, int ordersAtCa, CancellationToken ct)
    {
        var certificate = await cm.WaitConditionAsync("certificates", "web", ConditionTypes.Ready, ct);
        await h.AssertSecretServesAsync("web-tls", Names, ct);
        Assert.Equal(1, (int?)certificate["status"]!["revision"]);
        Assert.Equal(ordersAtCa, h.Pebble.CountRequests("POST", PebbleFixture.NewOrderPath));
        var request = Assert.Single(await cm.ListAsync(CertManagerObjects.Group, "certificaterequests", ct));
        Assert.True(CertManagerObjects.IsTrue(request, ConditionTypes.Ready), request.ToJsonString());
        var order = Assert.Single(await cm.ListAsync(CertManagerObjects.AcmeGroup, "orders", ct));
        Assert.Equal("valid", (string?)order["status"]!["state"]);
        await WaitNoneAsync(cm, CertManagerObjects.AcmeGroup, "challenges", ct);
        return (request, order);
    }

    private async Task<OperatorHarness> StartAsync(CancellationToken ct)
    {
        var missing = CertManagerCrds.MissingReason();
        Skip.If(missing is not null, missing);
        // Orders are counted from Pebble's log of new-order requests: a nonce it rejected (5% by default) would count twice.
        var options = OperatorHarnessOptions.EndToEnd with
        {
            Flavor = ApiFlavor.CertManager,
            Operator = o => o with { CertManagerLeaseName = null },
            Pebble = OperatorHarnessOptions.EndToEnd.Pebble with { NonceRejectPercent = 0 },
        };
        var h = await OperatorHarness.StartAsync(output, options, ct);
        try
        {
            await CertManagerCrds.ApplyAsync(h.Env, ct);
            return h;
        }
        catch
        {
            await h.DisposeAsync();
            throw;
        }
    }

    private static async Task WaitNoneAsync(CertManagerObjects cm, string group, string plural, CancellationToken ct)
    {
        while ((await cm.ListAsync(group, plural, ct)).Count > 0)
        {
            await Task.Delay(100, ct);
        }
    }
}
