using System.Collections.Concurrent;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Models;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.IntegrationTests.Acme;
using K8sCertOperator.IntegrationTests.Controllers.Orders;
using K8sCertOperator.Solvers.Dns01.Rfc2136;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Challenges;

/// <summary>DNS-01 through the Challenge controller: RFC 2136 updates to a real bind9 that Pebble also resolves with.</summary>
public sealed class ChallengeControllerDns01Tests(ITestOutputHelper output)
{
    private const string TsigSecretName = "tsig";

    [SkippableFact]
    public async Task Dns01_wildcard_and_base_name_are_validated_and_only_our_txt_values_are_removed()
    {
        var missing = AcmeControllerHarness.MissingReason(bind9: true);
        Skip.If(missing != null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var harness = await AcmeControllerHarness.StartAsync(output, bind9: true, cts.Token);
        var bind = harness.Bind!;
        await harness.Apis.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = TsigSecretName, NamespaceProperty = harness.Namespace },
            Data = new Dictionary<string, byte[]> { ["secret"] = Encoding.ASCII.GetBytes(Convert.ToBase64String(bind.TsigSecret)) },
        }, cts.Token);
        await harness.CreateIssuerAsync([harness.Dns01Solver(TsigSecretName)], cts.Token);

        var name = TestCsr.UniqueName("dns");
        var fqdn = $"_acme-challenge.{name}.";
        // A value somebody else published at the same name must survive our clean-up.
        await new Rfc2136Provider(bind.CreateRfc2136Settings()).PresentAsync(fqdn, "someone-else", cts.Token);

        await harness.StartOperatorAsync(orders: true, challenges: true, cts.Token);
        // The wildcard and the base name share _acme-challenge.NAME: at no time may both be presented at once.
        var cache = harness.Host!.Context.Informers.Challenges;
        var maxPresentedTogether = 0;
        void Count(Challenge _) => maxPresentedTogether = Math.Max(maxPresentedTogether,
            cache.List().Count(c => c.Status?.Presented == true && !AcmeStates.IsFinal(c.Status.State)));
        cache.OnAdd += Count;
        cache.OnUpdate += (_, c) => Count(c);
        var seen = new ConcurrentBag<string>();
        using var watcher = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var watch = WatchTxtAsync(bind.QueryTxtAsync, fqdn, seen, watcher.Token);

        await harness.CreateOrderAsync("dns-1", [name, "*." + name], cts.Token);
        var order = await harness.WaitForOrderAsync("dns-1", o => AcmeStates.IsFinal(o.Status?.State), cts.Token);
        await watcher.CancelAsync();
        await watch;

        Assert.True(order.Status!.State == AcmeStates.Valid, $"state {order.Status.State}: {order.Status.Reason}");
        var chain = new X509Certificate2Collection();
        chain.ImportFromPem(Encoding.UTF8.GetString(order.Status.Certificate!));
        Assert.Equal(new[] { "*." + name, name }.Order(), ChainAssert.SubjectAlternativeNames(chain[0]).Order());
        Assert.Equal(2, order.Status.Authorizations!.Count);
        Assert.Equal(1, maxPresentedTogether);

        // Our TXT values were published while the challenges ran: Pebble resolves through this bind9 and a wildcard
        // can only be validated by DNS-01, so the valid Order is the proof. (Sampling bind from here is a race the
        // operator can win: present, validate and clean up can all fit between two samples.)
        output.WriteLine($"sampled TXT values at {fqdn}: {string.Join(", ", seen.Distinct())}");
        // ...and once the order is final only the foreign value is left.
        await OrderControllerHttp01Tests.Eventually(async () =>
            (await bind.QueryTxtAsync(fqdn, cts.Token)).SequenceEqual(["someone-else"]), cts.Token);
        await OrderControllerHttp01Tests.Eventually(async () =>
            (await harness.Apis.Challenges.ListAsync(harness.Namespace, null, cts.Token)).Items.Count == 0, cts.Token);
    }

    [SkippableFact]
    public async Task Dns01_with_a_missing_tsig_secret_errors_the_challenge_and_order()
    {
        var missing = AcmeControllerHarness.MissingReason(bind9: true);
        Skip.If(missing != null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var harness = await AcmeControllerHarness.StartAsync(output, bind9: true, cts.Token);
        await harness.CreateIssuerAsync([harness.Dns01Solver("does-not-exist")], cts.Token);
        await harness.StartOperatorAsync(orders: true, challenges: true, cts.Token);

        await harness.CreateOrderAsync("dns-bad", [TestCsr.UniqueName("bad")], cts.Token);
        var order = await harness.WaitForOrderAsync("dns-bad", o => AcmeStates.IsFinal(o.Status?.State), cts.Token);

        // The Challenge fails locally (nothing presented, nothing answered) and the Order follows with the reason.
        Assert.Equal(AcmeStates.Errored, order.Status!.State);
        Assert.Contains("does-not-exist", order.Status.Reason, StringComparison.Ordinal);
        Assert.Contains("DNS-01", order.Status.Reason, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Dns01_propagation_that_never_completes_errors_after_the_timeout_and_withdraws_the_record()
    {
        var missing = AcmeControllerHarness.MissingReason(bind9: true);
        Skip.If(missing != null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var harness = await AcmeControllerHarness.StartAsync(output, bind9: true, cts.Token);
        var bind = harness.Bind!;
        await harness.Apis.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = TsigSecretName, NamespaceProperty = harness.Namespace },
            Data = new Dictionary<string, byte[]> { ["secret"] = Encoding.ASCII.GetBytes(Convert.ToBase64String(bind.TsigSecret)) },
        }, cts.Token);
        await harness.CreateIssuerAsync([harness.Dns01Solver(TsigSecretName)], cts.Token);
        // The propagation check asks a nameserver nobody runs, so the record never shows as propagated.
        var deadResolver = $"127.0.0.1:{Infrastructure.FreePort.Next()}";
        await harness.StartOperatorAsync(orders: true, challenges: true, cts.Token, adjust: o => o with
        {
            Dns01RecursiveNameservers = [deadResolver],
            Dns01RecursiveNameserversOnly = true,
            Dns01PropagationTimeout = TimeSpan.FromSeconds(2),
        });
        var name = TestCsr.UniqueName("slow");

        await harness.CreateOrderAsync("slow", [name], cts.Token);
        var order = await harness.WaitForOrderAsync("slow", o => AcmeStates.IsFinal(o.Status?.State), cts.Token);

        Assert.Equal(AcmeStates.Errored, order.Status!.State);
        Assert.Contains("not visible", order.Status.Reason, StringComparison.Ordinal);
        Assert.Contains(deadResolver, order.Status.Reason, StringComparison.Ordinal);
        await OrderControllerHttp01Tests.Eventually(async () =>
            (await bind.QueryTxtAsync($"_acme-challenge.{name}.", cts.Token)).Count == 0, cts.Token);
    }

    private static async Task WatchTxtAsync(Func<string, CancellationToken, Task<IReadOnlyList<string>>> query, string fqdn, ConcurrentBag<string> seen, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                foreach (var value in await query(fqdn, ct))
                {
                    seen.Add(value);
                }
                await Task.Delay(25, ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (K8sCertOperator.Solvers.Dns01.DnsProviderException) when (!ct.IsCancellationRequested)
            {
                // One query timing out on a loaded machine is not what this watcher is for: it only records what it sees.
            }
        }
    }
}
