using System.Diagnostics;
using System.Globalization;
using K8sCertOperator.IntegrationTests.EndToEnd.Solvers;
using K8sCertOperator.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

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
        if (SolversHarness.MissingReason(withBind: false) is { } missing)
        {
            Console.Error.WriteLine(missing);
            return 2;
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Solvers benchmark: composed operator, stand-in API server, Pebble with PEBBLE_VA_NOSLEEP=1, N={count}, sequential"));
        var rows = new List<string> { await MeasureAsync("HTTP-01 (operator responder)", withBind: false, count, cancellationToken) };
        if (SolversHarness.MissingReason(withBind: true) is { } noBind)
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
        await using var h = await SolversHarness.StartAsync(null, NullLoggerFactory.Instance, withBind, ct);
        // With bind, Pebble resolves through it and its wildcard A record sends HTTP-01 to loopback too;
        // the replica listens on Pebble's HttpPort either way.
        await h.StartReplicaAsync(h.ReplicaOptions("bench", h.Pebble.HttpPort), ct);
        if (withBind)
        {
            await h.CreateDns01IssuerAsync("issuer", ct);
        }
        else
        {
            await h.CreateHttp01IssuerAsync("issuer", ct);
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

    private static async Task<double> IssueAsync(SolversHarness h, string name, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await h.CreateCertificateAsync(name, "issuer", [$"{name}.bench.example.com"], ct);
        await h.WaitReadyAsync(name, Patience, ct);
        return watch.Elapsed.TotalSeconds;
    }
}
