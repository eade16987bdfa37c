using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Policies;
using K8sCertOperator.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Hardening;

/// <summary>
/// The ACME server is down when the operator starts, comes up, goes down again mid-issuance and comes back:
/// the Issuer and every Certificate converge without a restart of the operator.
/// </summary>
public sealed class AcmeServerOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    [SkippableFact]
    public async Task IssuerAndCertificatesRecoverWhenTheAcmeServerComesBack()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = cts.Token;
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.Hardening, ct);
        await using var relay = new TcpRelay(h.Pebble.ListenPort);
        await h.StartOperatorAsync(ct);

        // Down from the start: the Issuer says why.
        await h.CreateAcmeIssuerAsync("pebble", ct, new Uri($"https://127.0.0.1:{relay.Port}/dir"));
        await h.CreateCertificateAsync("early", "pebble", ["early.example.com"], ct);
        await h.WaitForAsync(
            t => h.Apis.Issuers.GetAsync(h.Namespace, "pebble", t),
            i => ConditionSet.Find(i.Status?.Conditions, ConditionTypes.Ready) is { Status: ConditionStatus.False, Reason: ConditionReasons.ErrRegisterAcmeAccount },
            Patience, "Issuer not ready while the ACME server is down", ct);

        // Up: the Issuer registers and the waiting Certificate is issued.
        relay.Start();
        await h.WaitForAsync(
            t => h.Apis.Issuers.GetAsync(h.Namespace, "pebble", t),
            i => ConditionSet.IsTrue(i.Status?.Conditions, ConditionTypes.Ready),
            Patience, "Issuer Ready once the ACME server is up", ct);
        await h.WaitCertificateReadyAsync("early", Patience, ct);

        // Down again, then new Certificates: their Orders run into the outage on their first ACME call. (Cutting the
        // server once an Order exists raced issuance, which with PEBBLE_VA_NOSLEEP is often done by then.)
        var before = h.Logs.Entries.Count;
        await relay.StopAsync();
        string[] late = ["late1", "late2", "late3"];
        foreach (var name in late)
        {
            await h.CreateCertificateAsync(name, "pebble", [$"{name}.example.com"], ct);
        }

        // Every late Order says it is waiting for the server, and none is failed: a network error is not an ACME error.
        var waiting = await h.WaitForAsync(
            async t => (await h.Apis.Orders.ListAsync(h.Namespace, null, t)).Items.Where(o => o.Metadata.Name.StartsWith("late", StringComparison.Ordinal)).ToList(),
            orders => orders.Count == late.Length && orders.All(o => AcmeServerFailurePolicy.IsOutageReason(o.Status?.Reason)),
            Patience, "every late Order recording the outage in status.reason", ct);
        Assert.DoesNotContain(waiting, o => AcmeStates.IsFailure(o.Status?.State));
        var acmeRetries = h.Logs.Entries.Skip(before).Count(e => e.Contains("AcmeClient", StringComparison.Ordinal) && e.Contains(" failed (", StringComparison.Ordinal));
        output.WriteLine($"{acmeRetries} failed ACME requests during the outage; Order reason: {waiting[0].Status!.Reason}");
        // The Warning Event follows the status write the wait above saw, so wait for it too.
        await h.WaitForAsync(
            async t => (await CoreResourceApis.Events(h.Env.Client).ListAsync(h.Namespace, null, t)).Items.ToList(),
            events => events.Any(e => e.Type == "Warning" && e.Reason == AcmeServerFailurePolicy.Unreachable && e.InvolvedObject.Kind == ApiGroups.OrderKind),
            Patience, $"a Warning {AcmeServerFailurePolicy.Unreachable} Event on an Order", ct);

        h.AssertOperatorAlive();
        relay.Start();
        var restarted = System.Diagnostics.Stopwatch.StartNew();
        foreach (var name in late)
        {
            await h.WaitCertificateReadyAsync(name, Patience, ct);
        }

        // Printed, not asserted (timings depend on the machine): how quickly work resumed after the outage.
        output.WriteLine($"late Certificates Ready {restarted.Elapsed.TotalSeconds:F1} s after the ACME server came back");

        // The outage did not fail any Order: each late Certificate was issued by its first Order, whose reason is cleared.
        var orders = (await h.Apis.Orders.ListAsync(h.Namespace, null, ct)).Items.Where(o => o.Metadata.Name.StartsWith("late", StringComparison.Ordinal)).ToList();
        Assert.Equal(late.Length, orders.Count);
        Assert.All(orders, o => Assert.False(AcmeServerFailurePolicy.IsOutageReason(o.Status?.Reason), o.Status?.Reason));

        h.AssertOperatorAlive();
        foreach (var name in late.Append("early"))
        {
            var secret = await h.Apis.Secrets.GetAsync(h.Namespace, name + "-tls", ct);
            Assert.NotNull(secret);
            Assert.Equal("kubernetes.io/tls", secret.Type);
        }
    }
}
