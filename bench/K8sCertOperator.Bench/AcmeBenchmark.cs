using System.Diagnostics;
using System.Globalization;
using System.Net;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Acme.Resources;
using K8sCertOperator.Cli.Standalone;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Pki;
using K8sCertOperator.Solvers.Http01;

namespace K8sCertOperator.Bench;

/// <summary>
/// Issues certificates against a local Pebble (VA sleeps off) with our engine in-process
/// (sequential and concurrent), with our CLI as a process, and with lego and certbot as
/// processes, then prints per-certificate p50/p95, throughput and wall-time ratios.
/// </summary>
public static class AcmeBenchmark
{
    public static async Task<int> RunAsync(int count, CancellationToken cancellationToken)
    {
        if (ExternalTool.MissingReason("pebble", "pebble") is { } missing)
        {
            Console.Error.WriteLine(missing);
            return 2;
        }
        await using var pebble = await PebbleFixture.StartAsync(new PebbleOptions { StartHttp01Responder = false }, cancellationToken);
        var work = Directory.CreateTempSubdirectory("k8scert-bench-").FullName;
        var caBundle = Path.Combine(work, "pebble-ca.pem");
        await File.WriteAllTextAsync(caBundle, pebble.TlsCaPem, cancellationToken);
        var listen = $"127.0.0.1:{pebble.HttpPort}";
        var processRuns = Math.Min(count, 5);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ACME benchmark: Pebble {pebble.DirectoryUrl}, PEBBLE_VA_NOSLEEP=1, N={count}, process runs={processRuns}"));

        var sequential = await InProcessSequentialAsync(pebble, caBundle, listen, work, count, cancellationToken);
        var concurrent = await InProcessConcurrentAsync(pebble, count, cancellationToken);
        var ours = await ProcessRunsAsync("certify (process)", processRuns, i => OurCommand(pebble, caBundle, listen, work, i), cancellationToken);
        var lego = ExternalTool.Find("lego") is { } legoPath
            ? await ProcessRunsAsync("lego (process)", processRuns, i => LegoCommand(legoPath, pebble, caBundle, listen, work, i), cancellationToken)
            : Skipped("lego", "lego");
        var certbot = ExternalTool.Find("certbot") is { } certbotPath
            ? await ProcessRunsAsync("certbot (process)", processRuns, i => CertbotCommand(certbotPath, pebble, caBundle, work, i), cancellationToken)
            : Skipped("certbot", "certbot");

        Console.WriteLine();
        Console.WriteLine(Stats.Row("engine in-process, sequential", sequential.Seconds, sequential.Wall));
        Console.WriteLine(Stats.Row("engine in-process, concurrent", concurrent.Seconds, concurrent.Wall));
        foreach (var run in new[] { ours, lego, certbot }.Where(r => r.Seconds.Count > 0))
        {
            Console.WriteLine(Stats.Row(run.Name, run.Seconds, run.Wall));
        }
        var ourP50 = Stats.Percentile(ours.Seconds, 50);
        foreach (var other in new[] { lego, certbot }.Where(r => r.Seconds.Count > 0))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"ratio certify/{other.Name.Split(' ')[0]} (p50 wall per run): {ourP50 / Stats.Percentile(other.Seconds, 50):F2}x"));
        }
        Directory.Delete(work, recursive: true);
        return 0;
    }

    private static Measured Skipped(string name, string package)
    {
        Console.WriteLine($"{name}: not installed (apt-get install -y {package}); skipped");
        return new Measured(name, [], 1);
    }

    private static async Task<Measured> InProcessSequentialAsync(PebbleFixture pebble, string caBundle, string listen, string work, int count, CancellationToken cancellationToken)
    {
        var seconds = new List<double>();
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            var clock = Stopwatch.StartNew();
            var code = await CertifyRunner.RunAsync(new CertifyOptions
            {
                Server = pebble.DirectoryUrl,
                CaBundleFile = caBundle,
                Domains = [$"seq-{i}.example.com"],
                Http01Listen = listen,
                OutputDirectory = Path.Combine(work, "seq"),
            }, TextWriter.Null, Console.Error, null, cancellationToken);
            if (code != 0)
            {
                throw new InvalidOperationException("in-process certify failed");
            }
            seconds.Add(clock.Elapsed.TotalSeconds);
        }
        return new Measured("sequential", seconds, wall.Elapsed.TotalSeconds);
    }

    private static async Task<Measured> InProcessConcurrentAsync(PebbleFixture pebble, int count, CancellationToken cancellationToken)
    {
        var tokens = new Http01TokenStore();
        await using var responder = await Http01Responder.StartAsync(new IPEndPoint(IPAddress.Loopback, pebble.HttpPort), tokens, null, cancellationToken);
        using var http = pebble.CreateHttpClient();
        using var accountKey = JwsSigners.CreateEs256();
        var client = pebble.CreateClient(http, accountKey);
        await client.NewAccountAsync([], true, null, cancellationToken);
        var solver = new StandaloneChallengeResponder(tokens, null, null);
        var wall = Stopwatch.StartNew();
        var seconds = await Task.WhenAll(Enumerable.Range(0, count).Select(async i =>
        {
            var clock = Stopwatch.StartNew();
            using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa, 256));
            var name = $"con-{i}.example.com";
            await new AcmeIssuance(client, solver).IssueAsync(new AcmeIssuanceRequest
            {
                Identifiers = [AcmeIdentifier.Dns(name)],
                CsrDer = CsrBuilder.BuildDer(key, new CertificateTemplate { DnsNames = [name] }),
            }, cancellationToken);
            return clock.Elapsed.TotalSeconds;
        }));
        return new Measured("concurrent", seconds, wall.Elapsed.TotalSeconds);
    }

    private static async Task<Measured> ProcessRunsAsync(string name, int runs, Func<int, (string File, List<string> Args, Dictionary<string, string> Env)> command, CancellationToken cancellationToken)
    {
        var seconds = new List<double>();
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < runs; i++)
        {
            var (file, arguments, environment) = command(i);
            var (elapsed, exitCode, output) = await ToolRunner.RunAsync(file, arguments, environment, cancellationToken);
            if (exitCode != 0)
            {
                Console.WriteLine($"{name} run {i} failed ({exitCode}): {output[..Math.Min(output.Length, 2000)]}");
                return new Measured(name, [], 1);
            }
            seconds.Add(elapsed);
        }
        return new Measured(name, seconds, wall.Elapsed.TotalSeconds);
    }

    private static (string, List<string>, Dictionary<string, string>) OurCommand(PebbleFixture pebble, string caBundle, string listen, string work, int i)
    {
        var (file, prefix) = OperatorBinary.Resolve();
        prefix.AddRange(["certify", "--server", pebble.DirectoryUrl.ToString(), "--ca-bundle", caBundle, "-d", $"ours-{i}.example.com",
            "--http01-listen", listen, "--out", Path.Combine(work, "ours"), "--email", "bench@example.com"]);
        // `certify` runs as a user runs the published CLI on a host, like lego and certbot here: with the runtime's
        // defaults. The image's ENV tunes the long-running operator's memory (no tiering) and costs a one-shot run
        // ~0.1 s of start-up, so it is not applied to this comparison.
        return (file, prefix, new Dictionary<string, string>());
    }

    private static (string, List<string>, Dictionary<string, string>) LegoCommand(string lego, PebbleFixture pebble, string caBundle, string listen, string work, int i) =>
        (lego, ["--server", pebble.DirectoryUrl.ToString(), "--email", "bench@example.com", "--accept-tos", "--domains", $"lego-{i}.example.com",
            "--http", "--http.port", listen, "--path", Path.Combine(work, "lego"), "run"],
         new Dictionary<string, string> { ["LEGO_CA_CERTIFICATES"] = caBundle });

    private static (string, List<string>, Dictionary<string, string>) CertbotCommand(string certbot, PebbleFixture pebble, string caBundle, string work, int i) =>
        (certbot, ["certonly", "--standalone", "--non-interactive", "--agree-tos", "-m", "bench@example.com", "--server", pebble.DirectoryUrl.ToString(),
            "--http-01-port", pebble.HttpPort.ToString(CultureInfo.InvariantCulture), "--http-01-address", "127.0.0.1", "-d", $"certbot-{i}.example.com",
            "--config-dir", Path.Combine(work, "certbot", "config"), "--work-dir", Path.Combine(work, "certbot", "work"),
            "--logs-dir", Path.Combine(work, "certbot", "logs"), "--no-random-sleep-on-renew"],
         new Dictionary<string, string> { ["REQUESTS_CA_BUNDLE"] = caBundle });

    private sealed record Measured(string Name, IReadOnlyList<double> Seconds, double Wall);
}
