using K8sCertOperator.Api;
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
        var missing = HardeningHarness.MissingReason();
        Skip.If(missing is not null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = cts.Token;
        await using var h = await HardeningHarness.StartAsync(output, null, ct);
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

        // Down again while new Certificates are being issued, then back.
        string[] late = ["late1", "late2", "late3"];
        foreach (var name in late)
        {
            await h.CreateCertificateAsync(name, "pebble", [$"{name}.example.com"], ct);
        }

        // Cut the server as soon as the first new Order exists, so the outage hits issuance in flight.
        await h.WaitForAsync(
            async t => (await h.Apis.Orders.ListAsync(h.Namespace, null, t)).Items.FirstOrDefault(o => o.Metadata.Name.StartsWith("late", StringComparison.Ordinal)),
            _ => true, Patience, "an Order for a late Certificate", ct);
        var before = h.Logs.Entries.Count;
        await relay.StopAsync();

        // Stay down until the operator has actually run into the outage (its next ACME call may be a poll that is
        // a few seconds away), so the test never passes without exercising the failure path.
        var acmeRetries = 0;
        var downSince = DateTime.UtcNow;
        while (acmeRetries == 0 && DateTime.UtcNow - downSince < Patience)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            acmeRetries = h.Logs.Entries.Skip(before).Count(e => e.Contains("AcmeClient", StringComparison.Ordinal) && e.Contains(" failed (", StringComparison.Ordinal));
        }

        h.AssertOperatorAlive();
        output.WriteLine($"{acmeRetries} failed ACME requests during the outage");
        Assert.True(acmeRetries > 0, "the outage did not hit any ACME request; the test proves nothing");
        relay.Start();
        foreach (var name in late)
        {
            await h.WaitCertificateReadyAsync(name, Patience, ct);
        }

        h.AssertOperatorAlive();
        foreach (var name in late.Append("early"))
        {
            var secret = await h.Apis.Secrets.GetAsync(h.Namespace, name + "-tls", ct);
            Assert.NotNull(secret);
            Assert.Equal("kubernetes.io/tls", secret.Type);
        }
    }
}
