using System.Net;
using K8sCertOperator.IntegrationTests.Harness;
using K8sCertOperator.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.EndToEnd;

/// <summary>
/// DNS-01 through the operator as a process: RFC 2136 (TSIG-signed updates to a real bind9) and recursive
/// propagation checks. Under test.sh the process is the NativeAOT executable the image ships, so the DNS
/// libraries' code paths run compiled ahead of time, not only under the JIT as in the in-process tests.
/// </summary>
public sealed class OperatorProcessDns01Tests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [SkippableFact]
    public async Task Rfc2136CertificateIsIssuedByTheOperatorProcess()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.SolversWithBind9, ct);
        var bind = h.Bind!;
        output.WriteLine($"operator: {OperatorProcess.Binary()}");
        await using var process = OperatorProcess.Start(h.Env.KubeconfigPath, h.Namespace, "127.0.0.1:0", h.MonitoringPort,
            "--dns01-recursive-nameservers", bind.Nameserver, "--dns01-recursive-nameservers-only");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{h.MonitoringPort}"), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + Patience;
        while (!await OperatorProcess.IsLeaderAsync(http, ct))
        {
            Assert.False(process.HasExited, "operator exited before leading:\n" + process.Output);
            Assert.True(DateTime.UtcNow < deadline, "operator never became leader:\n" + process.Output);
            await Task.Delay(200, ct);
        }

        await h.CreateDns01IssuerAsync("bind", ct);
        await h.CreateCertificateAsync("dns", "bind", ["*.p.example.com", "p.example.com"], ct);
        await h.WaitCertificateReadyAsync("dns", 1, Patience, ct);

        var leaf = await h.IssuedCertificateAsync("dns-tls", ct);
        Assert.Equal(["*.p.example.com", "p.example.com"], leaf.SubjectAltNames.DnsNames.Order(StringComparer.Ordinal));
        var remaining = await h.PollTxtAsync("_acme-challenge.p.example.com.", values => values.Count == 0, Patience, ct);
        Assert.Empty(remaining);
        Assert.Equal(HttpStatusCode.OK, await OperatorProcess.StatusAsync(http, "/healthz", ct));
        Assert.Contains("k8scert_acme_client_request_count", await http.GetStringAsync("/metrics", ct), StringComparison.Ordinal);
        Assert.DoesNotContain("PRIVATE KEY", process.Output, StringComparison.Ordinal);
    }
}
