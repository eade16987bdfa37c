using System.Diagnostics;
using System.Globalization;
using K8sCertOperator.IntegrationTests.Harness;
using K8sCertOperator.IntegrationTests.Infrastructure;

namespace K8sCertOperator.Bench;

/// <summary>
/// Certificate applied -> Ready through the composed operator on the stand-in API server and a
/// local Pebble (VA sleeps off), once with HTTP-01 and once with DNS-01 via bind9; prints p50/p95.
/// </summary>
public static class SolversBenchmark
{
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public static async Task<int> RunAsync(int count, CancellationToken cancellationToken)
    {
        if (OperatorHarness.MissingReason(Options(withBind: false)) is { } missing)
        {
            Console.Error.WriteLine(missing);
            return 2;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Solvers benchmark: composed operator, stand-in API server, Pebble with PEBBLE_VA_NOSLEEP=1, N={count}, sequential"));
        var rows = new List<string> { await MeasureAsync("HTTP-01 (operator responder)", withBind: false, count, cancellationToken) };
        if (OperatorHarness.MissingReason(Options(withBind: true)) is { } noBind)
        {
            Console.WriteLine($"DNS-01: {noBind}; skipped");
        }
        else
        {
            rows.Add(await MeasureAsync("DNS-01 (RFC 2136 to bind9)", withBind: true, count, cancellationToken));
        }
        Console.WriteLine();
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }
        return 0;
    }

    private static async Task<string> MeasureAsync(string name, bool withBind, int count, CancellationToken ct)
    {
        await using var h = await OperatorHarness.StartAsync(null, Options(withBind), ct);
        // With bind, Pebble resolves through it and its wildcard A record sends HTTP-01 to loopback too;
        // the replica listens on Pebble's HttpPort either way.
        await h.StartReplicaAsync(h.ReplicaOptions("bench", h.Pebble.HttpPort), ct);
        if (withBind)
        {
            await h.CreateDns01IssuerAsync("issuer", ct);
        }
        else
        {
            await h.CreateAcmeIssuerAsync("issuer", ct);
        }

        // One warm-up issuance (account registration, JIT) not counted.
        await IssueAsync(h, "warmup", ct);
        var seconds = new List<double>(count);
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            seconds.Add(await IssueAsync(h, $"c{i}", ct));
        }
        wall.Stop();
        return Stats.Row(name, seconds, wall.Elapsed.TotalSeconds);
    }

    /// <summary>No test output: the harness's logger then has no provider and costs the operator nothing.</summary>
    private static OperatorHarnessOptions Options(bool withBind) =>
        withBind ? OperatorHarnessOptions.SolversWithBind9 : OperatorHarnessOptions.Solvers;

    private static async Task<double> IssueAsync(OperatorHarness h, string name, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await h.CreateCertificateAsync(name, "issuer", [$"{name}.bench.example.com"], ct);
        await h.WaitCertificateReadyAsync(name, 1, Patience, ct);
        return watch.Elapsed.TotalSeconds;
    }
}
