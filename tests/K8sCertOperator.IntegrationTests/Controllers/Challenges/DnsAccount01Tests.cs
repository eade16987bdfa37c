using K8sCertOperator.Acme.Challenges;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.IntegrationTests.Acme;
using K8sCertOperator.IntegrationTests.Controllers.Orders;
using K8sCertOperator.IntegrationTests.Harness;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.Challenges.AccountBoundDnsKit;

namespace K8sCertOperator.IntegrationTests.Controllers.Challenges;

/// <summary>dns-account-01 through the Order and Challenge controllers (Pebble when it offers it, else the ACME double; bind9 as DNS).</summary>
public sealed class DnsAccount01Tests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task Two_accounts_validate_one_name_at_the_same_time_each_at_its_own_label_and_clean_up()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var harness = await StartHarnessAsync(output, ct);
        var bind = harness.Bind!;
        await CreateTsigSecretAsync(harness, ct);
        await harness.CreateIssuerAsync([ChallengeSolvers.AccountScopedRfc2136(bind, TsigSecretName)], ct, name: "team-a", accountKeySecret: "account-a");
        await harness.CreateIssuerAsync([ChallengeSolvers.AccountScopedRfc2136(bind, TsigSecretName)], ct, name: "team-b", accountKeySecret: "account-b");
        await harness.StartOperatorAsync(orders: true, challenges: true, ct);
        var accounts = new[] { await AccountUrlAsync(harness, "team-a", ct), await AccountUrlAsync(harness, "team-b", ct) };
        Assert.NotEqual(accounts[0], accounts[1]);
        var created = RecordChallengeTypes(harness);
        var gateWaits = 0;
        harness.Host!.Context.Informers.Challenges.OnUpdate += (_, c) =>
        {
            // A name and its wildcard share one record name per account, so they take turns; the other account never waits.
            var other = c.Metadata.Name.StartsWith("shared-a", StringComparison.Ordinal) ? "shared-b" : "shared-a";
            if (c.Status?.Reason?.StartsWith("waiting for Challenge", StringComparison.Ordinal) == true
                && c.Status.Reason.Contains("/" + other, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref gateWaits);
            }
        };
        var name = TestCsr.UniqueName("shared");
        // Something else's dns-01 value at the plain name is neither needed nor touched.
        await new K8sCertOperator.Solvers.Dns01.Rfc2136.Rfc2136Provider(bind.CreateRfc2136Settings()).PresentAsync($"_acme-challenge.{name}.", "someone-else", ct);

        await Task.WhenAll(
            harness.CreateOrderAsync("shared-a", [name, "*." + name], ct, issuerName: "team-a"),
            harness.CreateOrderAsync("shared-b", [name, "*." + name], ct, issuerName: "team-b"));
        var orders = await Task.WhenAll(
            harness.WaitForOrderAsync("shared-a", o => AcmeStates.IsFinal(o.Status?.State), ct),
            harness.WaitForOrderAsync("shared-b", o => AcmeStates.IsFinal(o.Status?.State), ct));

        Assert.All(orders, o => Assert.True(o.Status!.State == AcmeStates.Valid, $"{o.Metadata.Name}: {o.Status.State}: {o.Status.Reason}"));
        lock (created)
        {
            // Four Challenges (name and wildcard per account), all dns-account-01, two per account.
            Assert.Equal(4, created.Count);
            Assert.All(created, c => Assert.Equal(ChallengeTypes.DnsAccount01, c.Type));
            Assert.Equal(accounts.Order(StringComparer.Ordinal), created.Select(c => c.Account!).Distinct().Order(StringComparer.Ordinal));
        }
        // Different record names per account, so neither account waited for the other's records to go.
        Assert.Equal(0, gateWaits);
        foreach (var account in accounts)
        {
            var label = DnsAccountLabel.RecordName(account, name);
            await OrderControllerHttp01Tests.Eventually(async () => (await bind.QueryTxtAsync(label, ct)).Count == 0, ct);
        }
        Assert.Equal(["someone-else"], await bind.QueryTxtAsync($"_acme-challenge.{name}.", ct));
    }
}
