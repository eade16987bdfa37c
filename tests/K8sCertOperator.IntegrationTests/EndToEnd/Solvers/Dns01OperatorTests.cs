using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Solvers.Dns01.Rfc2136;
using K8sCertOperator.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.EndToEnd.Solvers;

/// <summary>DNS-01 through the composed operator: RFC 2136 updates to a real bind9 that Pebble resolves through.</summary>
public sealed class Dns01OperatorTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [SkippableFact]
    public async Task WildcardCertificateIsIssuedAndOnlyOurTxtValuesAreWithdrawn()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.SolversWithBind9, ct);
        var bind = h.Bind!;

        // Someone else's TXT value at the very name our challenges use.
        const string recordName = "_acme-challenge.w.example.com.";
        const string foreign = "foreign-value-kept";
        var provider = new Rfc2136ProviderFactory().Create(bind.CreateRfc2136Settings());
        await provider.PresentAsync(recordName, foreign, ct);

        await h.StartReplicaAsync(h.ReplicaOptions("dns-replica", FreePort.Next()), ct);
        await h.CreateDns01IssuerAsync("bind", ct);
        await h.CreateCertificateAsync("wild", "bind", ["*.w.example.com", "w.example.com"], ct);
        await h.WaitCertificateReadyAsync("wild", 1, Patience, ct);

        var leaf = await h.IssuedCertificateAsync("wild-tls", ct);
        Assert.Equal(["*.w.example.com", "w.example.com"], leaf.SubjectAltNames.DnsNames.Order(StringComparer.Ordinal));

        // Clean-up runs after the challenges turn valid; wait for it rather than racing it.
        var remaining = await h.PollTxtAsync(recordName, values => values.Count == 1, Patience, ct);
        Assert.Equal([foreign], remaining);
    }
}
