using System.Diagnostics;
using System.Globalization;
using k8s.Models;

namespace K8sCertOperator.Bench;

/// <summary>
/// Operator memory with many Certificates (SelfSigned, so issuance is cheap) and then many large unrelated
/// Secrets, which the operator must not cache (its Secret informer selects only its managed-by label).
/// </summary>
public static class MemoryBenchmark
{
    private const int SecretBytes = 100 * 1024;

    public static async Task<int> RunAsync(int certificates, int secrets, CancellationToken ct)
    {
        Console.WriteLine($"memory benchmark: {certificates} SelfSigned Certificates, then {secrets} unrelated Secrets of {SecretBytes / 1024} KB; target RSS <= 80 MB");
        Console.WriteLine(ScaleBenchmark.LoadNote());
        Console.WriteLine(OperatorBinary.Describe());
        await using var cluster = await BenchCluster.StartAsync(10, ct);
        await using var op = await OperatorProcess.StartAsync(cluster.Env.KubeconfigPath, cluster.OperatorNamespace, 0, [], ct);
        var sampler = new ResourceSampler();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RSS at start (synced, empty):      {op.RssMb(),6:F1} MB ({op.Breakdown()}; pid {op.Id})"));
        Console.WriteLine("runtime: " + await op.MemoryMetricsAsync(ct));
        await cluster.CreateSelfSignedClusterIssuerAsync(ct);
        await cluster.WaitIssuerReadyAsync("self", ct);
        var clock = Stopwatch.StartNew();
        await cluster.CreateCertificatesAsync(certificates, "self", clock, ct);
        var ready = await cluster.WaitAllReadyAsync(certificates, 1, clock, op, sampler, TimeSpan.FromMinutes(20), ct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{ready.Count} Ready in {clock.Elapsed.TotalSeconds:F1} s, operator CPU {op.CpuSeconds():F1} s"));
        await SettleAsync(op, sampler, ct);
        var before = op.RssMb();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RSS with {certificates} Certificates:       {before,6:F1} MB (peak so far {op.PeakRssMb():F1} MB; {op.Breakdown()})"));

        var payload = new byte[SecretBytes];
        Random.Shared.NextBytes(payload);
        var secretClock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, secrets), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct }, async (i, token) =>
        {
            var ns = cluster.Namespaces[i % cluster.Namespaces.Count];
            await cluster.Apis.Secrets.CreateAsync(new V1Secret
            {
                Metadata = new V1ObjectMeta { Name = $"unrelated-{i:D5}", NamespaceProperty = ns, Labels = new Dictionary<string, string> { ["app"] = "bulk" } },
                Data = new Dictionary<string, byte[]> { ["blob"] = payload },
            }, token);
            if (i % 500 == 0)
            {
                sampler.Sample(op);
            }
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"created {secrets} Secrets ({secrets * (long)SecretBytes / (1024 * 1024)} MB of data) in {secretClock.Elapsed.TotalSeconds:F1} s"));
        await SettleAsync(op, sampler, ct);
        var after = op.RssMb();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RSS after the Secrets:             {after,6:F1} MB ({after - before:+0.0;-0.0} MB; {op.Breakdown()})"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"RSS peak (VmHWM):                  {op.PeakRssMb(),6:F1} MB; max polled {sampler.MaxRssMb:F1} MB"));
        Console.WriteLine("runtime: " + await op.MemoryMetricsAsync(ct));
        Console.WriteLine(op.PeakRssMb() <= 80 ? "within the 80 MB target" : "above the 80 MB target");
        return ready.Count == certificates ? 0 : 1;
    }

    // Lets queues drain and a GC or two happen before reading RSS.
    private static async Task SettleAsync(OperatorProcess op, ResourceSampler sampler, CancellationToken ct)
    {
        for (var i = 0; i < 10; i++)
        {
            sampler.Sample(op);
            await Task.Delay(1000, ct);
        }
    }
}
