using System.Diagnostics;
using System.Globalization;
using k8s;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Infrastructure;

namespace K8sCertOperator.Bench;

/// <summary>
/// N Certificates across 10 namespaces applied at once, issued by one ACME ClusterIssuer against Pebble, with the
/// operator as its own process: time until all Ready, p50/p95 time-to-Ready, operator CPU and peak RSS, ACME
/// requests per certificate by action (the operator's own request counter, scraped from its /metrics).
/// </summary>
public static class ScaleBenchmark
{
    public static async Task<int> RunAsync(int count, CancellationToken ct)
    {
        if (ExternalTool.MissingReason("pebble", "pebble") is { } missing)
        {
            Console.Error.WriteLine(missing);
            return 2;
        }
        Console.WriteLine($"scale benchmark: N={count} Certificates, 10 namespaces, one ACME ClusterIssuer, Pebble (PEBBLE_VA_NOSLEEP=1), operator as a process");
        Console.WriteLine(LoadNote());
        await using var pebble = await PebbleFixture.StartAsync(new PebbleOptions { StartHttp01Responder = false, NonceRejectPercent = 0 }, ct);
        await using var cluster = await BenchCluster.StartAsync(10, ct);
        await using var op = await OperatorProcess.StartAsync(cluster.Env.KubeconfigPath, cluster.OperatorNamespace, pebble.HttpPort, [], ct);
        var sampler = new ResourceSampler();
        await cluster.CreateAcmeClusterIssuerAsync(pebble, ct);
        await cluster.WaitIssuerReadyAsync("pebble", ct);
        var idleRss = op.RssMb();
        var cpuBefore = op.CpuSeconds();
        var benchCpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var scrapeBefore = await op.ScrapeAsync(ct);
        var apiBefore = cluster.Env.Server?.Requests.SnapshotByResource();

        var clock = Stopwatch.StartNew();
        var created = await cluster.CreateCertificatesAsync(count, "pebble", clock, ct);
        var applied = clock.Elapsed;
        var ready = await cluster.WaitAllReadyAsync(count, 1, clock, op, sampler, TimeSpan.FromMinutes(30), ct);
        var total = clock.Elapsed;
        var cpu = op.CpuSeconds() - cpuBefore;
        var benchCpu = (Process.GetCurrentProcess().TotalProcessorTime - benchCpuBefore).TotalSeconds;
        var scrapeAfter = await op.ScrapeAsync(ct);
        var acme = AcmeRequestReport.Delta(scrapeBefore, scrapeAfter);
        var api = apiBefore is null ? null : ApiRequestReport.Delta(apiBefore, cluster.Env.Server!.Requests.SnapshotByResource());

        var latencies = ready.Select(r => (r.Value - created[r.Key]).TotalSeconds).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"applied {count} Certificates in {applied.TotalSeconds:F1} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"all Ready after      {total.TotalSeconds:F1} s ({ready.Count}/{count} Ready; {ready.Count / total.TotalSeconds:F2} certs/s)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"time-to-Ready        p50 {Stats.Percentile(latencies, 50):F1} s  p95 {Stats.Percentile(latencies, 95):F1} s  max {Stats.Percentile(latencies, 100):F1} s (creation to first poll that saw Ready; 0.5 s polls)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"operator CPU         {cpu:F1} s ({cpu / Math.Max(1, ready.Count) * 1000:F0} ms per certificate)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"stand-in CPU         {benchCpu:F1} s (the benchmark process: API server stand-in and its polls)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"operator RSS         idle {idleRss:F0} MB, max polled {sampler.MaxRssMb:F0} MB, peak (VmHWM) {op.PeakRssMb():F0} MB, now {op.RssMb():F0} MB"));
        foreach (var line in AcmeRequestReport.Lines(acme, ready.Count))
        {
            Console.WriteLine(line);
        }
        foreach (var line in api is null ? [] : ApiRequestReport.Lines(api, ready.Count))
        {
            Console.WriteLine(line);
        }
        Console.WriteLine("Reconciles per certificate: " + ReconcilesPerCertificate(scrapeBefore, scrapeAfter, ready.Count));
        Console.WriteLine("Events by kind and reason: " + await EventReasonsAsync(cluster, ready.Count, ct));
        return ready.Count == count ? 0 : 1;
    }

    // Reconciles run per certificate by controller (the operator's k8scert_controller_sync_call_count, both results).
    private static string ReconcilesPerCertificate(IReadOnlyList<PrometheusSample>? before, IReadOnlyList<PrometheusSample> after, int certificates)
    {
        static Dictionary<string, double> Sum(IReadOnlyList<PrometheusSample>? samples) =>
            (samples ?? []).Where(s => s.Name == "k8scert_controller_sync_call_count" && s.Labels.ContainsKey("controller"))
                .GroupBy(s => s.Labels["controller"]).ToDictionary(g => g.Key, g => g.Sum(s => s.Value));
        var start = Sum(before);
        var per = (double)Math.Max(1, certificates);
        return string.Join("  ", Sum(after).Select(c => (c.Key, Value: c.Value - start.GetValueOrDefault(c.Key))).Where(c => c.Value > 0)
            .OrderByDescending(c => c.Value).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value / per:F2}")));
    }

    // What the Events per certificate are, so a change in their number can be read off.
    private static async Task<string> EventReasonsAsync(BenchCluster cluster, int certificates, CancellationToken ct)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var ns in cluster.Namespaces)
        {
            foreach (var e in (await cluster.Env.Client.CoreV1.ListNamespacedEventAsync(ns, cancellationToken: ct)).Items)
            {
                var key = $"{e.InvolvedObject?.Kind}/{e.Reason}";
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }
        var per = (double)Math.Max(1, certificates);
        return string.Join("  ", counts.OrderByDescending(c => c.Value).Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Key} {c.Value / per:F2}")));
    }

    public static string LoadNote() =>
        $"note: shared machine ({Environment.ProcessorCount} cores, load average {ReadLoad()}); numbers move with other users' load";

    private static string ReadLoad()
    {
        try
        {
            return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
        }
        catch (IOException)
        {
            return "unknown";
        }
    }
}
