using System.Diagnostics;
using System.Globalization;
using System.Net;
using K8sCertOperator.IntegrationTests.Infrastructure;

namespace K8sCertOperator.Bench;

/// <summary>
/// Probe, scrape and HTTP-01 latency of the operator process (its three listeners on their own ports, as in
/// the chart) with no other clients, then with N idle connections held on each port (issue 17, findings 2-3).
/// Requests run one after another per endpoint, a fresh connection each; one taking longer than 10 s counts as
/// a timeout (a kubelet probe gives up after its timeoutSeconds, 3 s in our chart and 1 s by default).
/// </summary>
public static class ListenerBenchmark
{
    private const int Samples = 15;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(int idlePerPort, CancellationToken ct)
    {
        Console.WriteLine($"listeners benchmark: /healthz, /readyz, /metrics and an HTTP-01 GET, {Samples} each, with 0 and {idlePerPort} idle connections per port");
        Console.WriteLine(ScaleBenchmark.LoadNote());
        Console.WriteLine(OperatorBinary.Describe());
        await using var cluster = await BenchCluster.StartAsync(0, ct);
        var ports = (Http01: FreePort.Next(), Metrics: FreePort.Next(), Health: FreePort.Next());
        await using var op = await OperatorProcess.StartAsync(cluster.Env.KubeconfigPath, cluster.OperatorNamespace, ports, [], ct);
        IPEndPoint[] endpoints = [Loopback(ports.Http01), Loopback(ports.Metrics), Loopback(ports.Health)];
        (string Name, Uri Url)[] targets =
        [
            ("healthz (9403)", Url(ports.Health, "/healthz")),
            ("readyz (9403)", Url(ports.Health, "/readyz")),
            ("metrics (9402)", Url(ports.Metrics, "/metrics")),
            ("http01 (8089, unknown token: 404)", Url(ports.Http01, "/.well-known/acme-challenge/bench-token")),
        ];

        await MeasureAsync("idle connections: 0", targets, ct);
        await using (var flood = await IdleFlood.StartAsync(endpoints, idlePerPort))
        {
            await MeasureAsync($"idle connections: {idlePerPort} per port (sustained)", targets, ct);
            Console.WriteLine($"idle connections closed by the operator meanwhile: {flood.ClosedByServer}");
        }
        Console.WriteLine("operator's own counters: " + await DropCountersAsync(op, ct));
        return 0;
    }

    private static async Task MeasureAsync(string phase, (string Name, Uri Url)[] targets, CancellationToken ct)
    {
        Console.WriteLine(phase);
        var rows = await Task.WhenAll(targets.Select(t => SampleAsync(t.Url, ct)));
        for (var i = 0; i < targets.Length; i++)
        {
            var (seconds, timeouts, statuses) = rows[i];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {targets[i].Name,-36} answered {seconds.Count,2}/{Samples}  p50={Ms(seconds, 50),7} ms  p95={Ms(seconds, 95),7} ms  max={Ms(seconds, 100),7} ms  timeouts={timeouts}  status={statuses}"));
        }
    }

    private static async Task<(List<double> Seconds, int Timeouts, string Statuses)> SampleAsync(Uri url, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = RequestTimeout };
        var seconds = new List<double>();
        var statuses = new SortedSet<int>();
        var timeouts = 0;
        for (var i = 0; i < Samples; i++)
        {
            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await http.GetAsync(url, ct).ConfigureAwait(false);
                await response.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
                seconds.Add(clock.Elapsed.TotalSeconds);
                statuses.Add((int)response.StatusCode);
            }
            catch (Exception e) when (e is TaskCanceledException or HttpRequestException)
            {
                timeouts++;
            }
            await Task.Delay(200, ct).ConfigureAwait(false);
        }
        return (seconds, timeouts, string.Join(',', statuses));
    }

    private static async Task<string> DropCountersAsync(OperatorProcess op, CancellationToken ct)
    {
        var samples = await op.ScrapeAsync(ct).ConfigureAwait(false);
        var drops = samples.Where(s => s.Name == "k8scert_http_server_dropped_connection_count" && s.Value > 0)
            .Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Labels["listener"]}/{s.Labels["reason"]}={s.Value}")).ToList();
        return samples.Any(s => s.Name == "k8scert_http_server_dropped_connection_count")
            ? "dropped " + (drops.Count == 0 ? "none" : string.Join(' ', drops))
            : "(this build exports no connection counters)";
    }

    private static string Ms(List<double> seconds, double percentile) =>
        seconds.Count == 0 ? "-" : (Stats.Percentile(seconds, percentile) * 1000).ToString("F0", CultureInfo.InvariantCulture);

    private static IPEndPoint Loopback(int port) => new(IPAddress.Loopback, port);

    private static Uri Url(int port, string path) => new($"http://127.0.0.1:{port}{path}");
}
