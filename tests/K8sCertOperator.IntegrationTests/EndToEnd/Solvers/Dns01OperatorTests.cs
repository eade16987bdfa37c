using System.Text;
using K8sCertOperator.IntegrationTests.Controllers.Orders;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Pki;
using K8sCertOperator.Solvers.Dns01.Rfc2136;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.EndToEnd.Solvers;

/// <summary>DNS-01 through the composed operator: RFC 2136 updates to a real bind9 that Pebble resolves through.</summary>
public sealed class Dns01OperatorTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [SkippableFact]
    public async Task WildcardCertificateIsIssuedAndOnlyOurTxtValuesAreWithdrawn()
    {
        var missing = SolversHarness.MissingReason(withBind: true);
        Skip.If(missing is not null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        using var logs = LoggerFactory.Create(b => b.AddProvider(new TestOutputLoggerProvider(output)).SetMinimumLevel(LogLevel.Information));
        await using var h = await SolversHarness.StartAsync(output, logs, withBind: true, ct);
        var bind = h.Bind!;

        // Someone else's TXT value at the very name our challenges use.
        const string recordName = "_acme-challenge.w.example.com.";
        const string foreign = "foreign-value-kept";
        var provider = new Rfc2136ProviderFactory().Create(bind.CreateRfc2136Settings());
        await provider.PresentAsync(recordName, foreign, ct);

        await h.StartReplicaAsync(h.ReplicaOptions("dns-replica", FreePort.Next()), ct);
        await h.CreateDns01IssuerAsync("bind", ct);
        await h.CreateCertificateAsync("wild", "bind", ["*.w.example.com", "w.example.com"], ct);
        await h.WaitReadyAsync("wild", Patience, ct);

        var secret = await h.Apis.Secrets.GetAsync(h.Namespace, "wild-tls", ct);
        var leaf = CertificateInfo.FromPem(Encoding.UTF8.GetString(secret!.Data["tls.crt"]));
        Assert.Equal(["*.w.example.com", "w.example.com"], leaf.SubjectAltNames.DnsNames.Order(StringComparer.Ordinal));

        // Clean-up runs after the challenges turn valid; wait for it rather than racing it.
        var remaining = await WaitForTxtAsync(bind, recordName, values => values.Count == 1, ct);
        Assert.Equal([foreign], remaining);
    }

    private static async Task<IReadOnlyList<string>> WaitForTxtAsync(Fixtures.Bind9Fixture bind, string fqdn, Func<IReadOnlyList<string>, bool> done, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + Patience;
        IReadOnlyList<string> last = [];
        while (DateTime.UtcNow < deadline)
        {
            last = await bind.QueryTxtAsync(fqdn, ct);
            if (done(last))
            {
                return last;
            }
            await Task.Delay(200, ct);
        }
        return last;
    }
}
