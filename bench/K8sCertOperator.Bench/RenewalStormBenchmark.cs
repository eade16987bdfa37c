using System.Diagnostics;
using System.Globalization;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Infrastructure;

namespace K8sCertOperator.Bench;

/// <summary>
/// The renewal storm: N certificates issued together (their renewal times spread by the renewal jitter), the
/// operator stopped, every certificate asked to renew (renew-requested-at), then the operator restarted with a
/// binding --acme-order-rate. Prints the spread of renewal times and the orders sent per window against the
/// configured rate.
/// </summary>
/// <remarks>
/// The storm is requested rather than waited for: with 1 h Pebble certificates and renewBefore 59m, every renewed
/// certificate fell due again a minute or two later, so the early renewals' second round took the tokens the
/// storm's last Orders were waiting for and the tail looked like a slow limiter.
/// </remarks>
public static class RenewalStormBenchmark
{
    private const string JitterMax = "60s";
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public static async Task<int> RunAsync(int count, CancellationToken ct)
    {
        if (ExternalTool.MissingReason("pebble", "pebble") is { } missing)
        {
            Console.Error.WriteLine(missing);
            return 2;
        }
        var perWindow = Math.Max(5, count / 10);
        var rate = $"{perWindow}/{(int)Window.TotalSeconds}s";
        Console.WriteLine($"renewal storm: N={count}, 1 h Pebble certificates (default renewBefore: due ~40 min after issue), --renewal-jitter-max {JitterMax}, storm requested at once (renew-requested-at) under --acme-order-rate {rate}");
        Console.WriteLine(ScaleBenchmark.LoadNote());
        await using var pebble = await PebbleFixture.StartAsync(new PebbleOptions { StartHttp01Responder = false, NonceRejectPercent = 0, CertificateValidityPeriodSeconds = 3600 }, ct);
        await using var cluster = await BenchCluster.StartAsync(10, ct);
        var sampler = new ResourceSampler();
        var clock = Stopwatch.StartNew();

        // Phase 1: issue everything without a limit.
        await using (var first = await OperatorProcess.StartAsync(cluster.Env.KubeconfigPath, cluster.OperatorNamespace, pebble.HttpPort, ["--renewal-jitter-max", JitterMax], ct))
        {
            await cluster.CreateAcmeClusterIssuerAsync(pebble, ct);
            await cluster.WaitIssuerReadyAsync("pebble", ct);
            await cluster.CreateCertificatesAsync(count, "pebble", clock, ct);
            var issued = await cluster.WaitAllReadyAsync(count, 1, clock, first, sampler, TimeSpan.FromMinutes(20), ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"phase 1: {issued.Count} issued in {clock.Elapsed.TotalSeconds:F1} s; operator stopped"));
            // From the operator's start, so account registration is in.
            PrintLines(AcmeRequestReport.Lines(AcmeRequestReport.Delta(null, await first.ScrapeAsync(ct)), issued.Count));
        }

        var certificates = await cluster.ListCertificatesAsync(ct);
        var renewals = certificates.Where(c => c.Status?.RenewalTime is not null).Select(c => AsUtc(c.Status!.RenewalTime!.Value)).Order().ToList();
        var planned = certificates.Where(c => c.Status is { NotAfter: not null, NotBefore: not null })
            .Select(c => (NotBefore: AsUtc(c.Status!.NotBefore!.Value), NotAfter: AsUtc(c.Status.NotAfter!.Value)))
            .Select(c => c.NotAfter - Pki.RenewalTimeCalculator.RenewBefore(c.NotAfter - c.NotBefore, null, null)).Order().ToList();
        PrintSpread("planned renewal (default renewBefore)", planned);
        PrintSpread("status.renewalTime (with jitter)", renewals);

        // Every certificate asks to renew while the operator is down, so the storm is simultaneous; notBefore must
        // be older than the request.
        await Task.Delay(TimeSpan.FromSeconds(1.5), ct);
        var requestedAt = DateTimeOffset.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var patch = new System.Text.Json.Nodes.JsonObject
        {
            ["metadata"] = new System.Text.Json.Nodes.JsonObject { ["annotations"] = new System.Text.Json.Nodes.JsonObject { [Policies.PolicyAnnotations.RenewRequestedAt] = requestedAt } },
        }.ToJsonString();
        foreach (var c in certificates)
        {
            await cluster.Apis.Certificates.PatchAsync(c.Metadata.NamespaceProperty, c.Metadata.Name, patch, ct);
        }

        // Phase 2: all due at once, the limiter on.
        await using var op = await OperatorProcess.StartAsync(cluster.Env.KubeconfigPath, cluster.OperatorNamespace, pebble.HttpPort, ["--renewal-jitter-max", JitterMax, "--acme-order-rate", rate], ct);
        var storm = Stopwatch.StartNew();
        var sent = new Dictionary<string, TimeSpan>();
        var done = 0;
        while (done < count && storm.Elapsed < TimeSpan.FromMinutes(30))
        {
            foreach (var ns in cluster.Namespaces)
            {
                foreach (var order in (await cluster.Apis.Orders.ListAsync(ns, null, ct)).Items)
                {
                    var key = ns + "/" + order.Metadata.Name;
                    if (OrderFactory.RevisionOf(order) == 2 && !string.IsNullOrEmpty(order.Status?.Url) && !sent.ContainsKey(key))
                    {
                        sent[key] = storm.Elapsed;
                    }
                }
            }
            done = (await cluster.ListCertificatesAsync(ct)).Count(c => BenchCluster.IsReady(c, 2));
            sampler.Sample(op);
            await Task.Delay(500, ct);
        }

        var times = sent.Values.Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"phase 2: {done}/{count} renewed in {storm.Elapsed.TotalSeconds:F1} s; {sent.Count} renewal orders reached Pebble"));
        Console.WriteLine($"configured: burst {perWindow}, then {perWindow} per {Window.TotalSeconds:F0} s = {perWindow * 60 / Window.TotalSeconds:F0} per minute");
        Console.WriteLine("orders reaching the CA per 10 s window (first-seen order URL, 0.5 s polls):");
        var windows = times.GroupBy(t => (int)(t / Window)).OrderBy(g => g.Key).Select(g => $"{g.Key * Window.TotalSeconds:F0}s:{g.Count()}");
        Console.WriteLine("  " + string.Join("  ", windows));
        foreach (var span in new[] { Window, TimeSpan.FromMinutes(1) })
        {
            var most = MostInAnyWindow(times, span);
            var allowed = perWindow + (int)Math.Floor(span / Window * perWindow);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"most orders in any {span.TotalSeconds:F0} s: {most} (a {perWindow}-token bucket allows at most {allowed}) -> {(most <= allowed + 1 ? "limiter held" : "EXCEEDED")}"));
        }
        if (times.Count > 1)
        {
            var steady = times.Skip(perWindow).ToList();
            if (steady.Count > 1)
            {
                var perMinute = (steady.Count - 1) / (steady[^1] - steady[0]).TotalMinutes;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after the burst: {perMinute:F1} orders/minute (configured {perWindow * 60 / Window.TotalSeconds:F0})"));
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"operator CPU {op.CpuSeconds():F1} s in phase 2, peak RSS (VmHWM) {op.PeakRssMb():F0} MB"));
        var samples = await op.ScrapeAsync(ct);
        var orderReconciles = samples.Where(s => s.Name == "k8scert_controller_sync_call_count" && s.Has(("controller", "orders"))).Sum(s => s.Value);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Order reconciles in phase 2: {orderReconciles:F0} ({orderReconciles / Math.Max(1, done):F1} per renewal; waiting Orders woken for a token they cannot have add to this)"));
        PrintLines(AcmeRequestReport.Lines(AcmeRequestReport.Delta(null, samples), done));
        return done == count ? 0 : 1;
    }

    private static DateTimeOffset AsUtc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static void PrintLines(IEnumerable<string> lines)
    {
        foreach (var line in lines)
        {
            Console.WriteLine(line);
        }
    }

    private static void PrintSpread(string what, IReadOnlyList<DateTimeOffset> times)
    {
        if (times.Count == 0)
        {
            Console.WriteLine($"{what}: none recorded");
            return;
        }
        var offsets = times.Select(t => (t - times[0]).TotalSeconds).ToList();
        var distinct = times.Distinct().Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-36} spread {offsets[^1],5:F0} s (p50 +{Stats.Percentile(offsets, 50):F0} s, p95 +{Stats.Percentile(offsets, 95):F0} s), {distinct} distinct seconds for {times.Count}, max in one second {times.GroupBy(t => t).Max(g => g.Count())}"));
    }

    private static int MostInAnyWindow(IReadOnlyList<TimeSpan> sorted, TimeSpan span)
    {
        var most = 0;
        var start = 0;
        for (var end = 0; end < sorted.Count; end++)
        {
            while (sorted[end] - sorted[start] >= span)
            {
                start++;
            }
            most = Math.Max(most, end - start + 1);
        }
        return most;
    }
}
