using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.StandIn;
using K8sCertOperator.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Hardening;

/// <summary>
/// Issuance through the composed operator while things go wrong: Pebble rejecting half the nonces, the API server
/// failing requests (500/409/429), dropping watches and compacting history. Everything converges, once.
/// </summary>
public sealed class FaultToleranceTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);
    private static readonly string[] Names = ["f1", "f2", "f3", "f4", "f5"];

    [SkippableFact]
    public async Task FiveCertificatesBecomeReadyWhilePebbleRejectsHalfTheNoncesAndNoKeyReachesTheLogs()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = cts.Token;
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.Hardening with { Pebble = new PebbleOptions { NonceRejectPercent = 50, AuthzReusePercent = 0 } }, ct);
        await h.StartOperatorAsync(ct);
        await h.CreateAcmeIssuerAsync("pebble", ct);
        foreach (var name in Names)
        {
            await h.CreateCertificateAsync(name, "pebble", [$"{name}.example.com"], ct);
        }

        foreach (var name in Names)
        {
            await h.WaitCertificateReadyAsync(name, Patience, ct);
        }

        h.AssertOperatorAlive();
        await AssertOneSecretPerCertificateAsync(h, ct);

        // Log scan: every entry of every level, with exceptions and scopes, during a full issuance.
        var secrets = new List<string>();
        foreach (var secret in (await h.Apis.Secrets.ListAsync(h.Namespace, null, ct)).Items)
        {
            foreach (var value in secret.Data?.Values ?? [])
            {
                var text = Encoding.UTF8.GetString(value);
                secrets.Add(text);
                // Each base64 line of a PEM body on its own, so a partial leak is found too.
                secrets.AddRange(text.Split('\n').Where(l => l.Length >= 40 && !l.StartsWith("-----", StringComparison.Ordinal)));
                secrets.Add(Convert.ToBase64String(value));
            }
        }

        var entries = h.Logs.Entries.ToList();
        output.WriteLine($"{entries.Count} log entries scanned against {secrets.Count} secret strings");
        Assert.True(entries.Count > 50, "the log capture saw almost nothing; is it wired in?");
        var problems = LogScan.Problems(entries, secrets);
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(10)));
    }

    [SkippableFact]
    public async Task FiveCertificatesConvergeOnceWhileTheApiServerFailsRequestsDropsWatchesAndCompactsHistory()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = cts.Token;
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.Hardening, ct);
        var server = h.Env.Server;
        Skip.If(server is null, "fault injection needs the stand-in API server");
        await h.StartOperatorAsync(ct);
        await h.CreateAcmeIssuerAsync("pebble", ct);
        foreach (var name in Names)
        {
            await h.CreateCertificateAsync(name, "pebble", [$"{name}.example.com"], ct);
        }

        // Faults while the controllers are busy: only the operator's requests are in flight now (the test polls later).
        server.Requests.Reset();
        server.Faults.FailNext(5, 500, r => r.Verb is "create" or "update" or "patch");
        server.Faults.FailNext(5, 409, r => r.Subresource == "status");
        server.Faults.FailNext(5, 429, r => r.Verb is "get" or "list");
        await Task.Delay(1500, ct);
        output.WriteLine($"dropped {server.Faults.DropWatches()} watches");
        server.Faults.CompactHistory();
        server.Faults.FailNext(3, 500, r => r.Verb == "create" && r.Plural is "orders" or "challenges" or "secrets");
        await Task.Delay(1500, ct);
        output.WriteLine($"dropped {server.Faults.DropWatches()} watches");

        foreach (var name in Names)
        {
            await h.WaitCertificateReadyAsync(name, Patience, ct);
        }

        h.AssertOperatorAlive();
        // Most injected faults hit the operator (a few may find no matching request once issuance is done).
        Assert.True(server.Faults.PendingCount < 10, $"{server.Faults.PendingCount} of 18 injected faults never fired");
        server.Faults.Clear();
        await AssertOneSecretPerCertificateAsync(h, ct);
        var total = server.Requests.Total;
        output.WriteLine($"{total} API requests for 5 certificates under faults: " + string.Join(", ", server.Requests.Snapshot()
            .GroupBy(kv => kv.Key.Verb).Select(g => $"{g.Key}={g.Sum(kv => kv.Value)}")));
        Assert.True(total < 2000, $"{total} requests for 5 certificates: something loops");

        // Once converged, it stays quiet.
        var writes = await WriteBudget.MeasureAsync(server, Names, TimeSpan.FromSeconds(5), ct);
        Assert.True(writes.Values.Sum() <= Names.Length, "writes after convergence: " + string.Join(", ", writes.Select(w => $"{w.Key}={w.Value}")));
    }

    private static async Task AssertOneSecretPerCertificateAsync(OperatorHarness h, CancellationToken ct)
    {
        var secrets = (await h.Apis.Secrets.ListAsync(h.Namespace, null, ct)).Items;
        foreach (var name in Names)
        {
            var issued = secrets.Where(s => s.Type == "kubernetes.io/tls"
                && s.Metadata.Annotations?.TryGetValue(AnnotationKeys.CertificateName, out var owner) == true && owner == name).ToList();
            Assert.True(issued.Count == 1, $"{name}: {issued.Count} issued Secrets ({string.Join(", ", issued.Select(s => s.Metadata.Name))})");
            Assert.Equal(name + "-tls", issued[0].Metadata.Name);
        }

        var orders = (await h.Apis.Orders.ListAsync(h.Namespace, null, ct)).Items;
        foreach (var name in Names)
        {
            var valid = orders.Count(o => o.Metadata.Annotations?.TryGetValue(AnnotationKeys.CertificateName, out var certificate) == true && certificate == name && o.Status?.State == AcmeStates.Valid);
            Assert.True(valid >= 1, $"{name}: no valid Order");
        }
    }
}
