using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Controllers.Issuers;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Harness;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Solvers.Http01;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.EndToEnd;

/// <summary>
/// Crash safety: the operator process is SIGKILLed five times at random points while it issues 50 certificates
/// through Pebble (HTTP-01), with leader election on, and restarted each time. Everything must converge with no
/// duplicate Orders and no leftover challenge Ingresses or Challenges. Set K8SCERT_KILL_SEED to replay a run.
/// </summary>
public sealed class OperatorKillTests(ITestOutputHelper output)
{
    private const int Certificates = 50;
    private const int Kills = 5;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(150);

    [SkippableFact]
    public async Task FiftyCertificatesConvergeThroughFiveSigkills()
    {
        var missing = ExternalTool.MissingReason("pebble", "pebble") ?? ExternalTool.MissingReason("pebble-challtestsrv", "pebble");
        Skip.If(missing is not null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = cts.Token;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("K8SCERT_KILL_SEED"), CultureInfo.InvariantCulture, out var fixedSeed)
            ? fixedSeed
            : Random.Shared.Next();
        output.WriteLine($"seed {seed} (K8SCERT_KILL_SEED={seed} replays the kill points; K8SCERT_KILL_LOGS=DIR keeps each process's log)");
        var random = new Random(seed);

        // The operator's responder listens on Pebble's HTTP-01 port; the same port is reused by every restart.
        await using var pebble = await PebbleFixture.StartAsync(new PebbleOptions { StartHttp01Responder = false }, ct);
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        var apis = new OperatorApis(env.Client);
        var monitoring = FreePort.Next();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{monitoring}"), Timeout = TimeSpan.FromSeconds(5) };
        var processes = new List<ExternalProcess>();
        var clock = Stopwatch.StartNew();
        try
        {
            var current = await StartLeaderAsync(env, pebble, monitoring, http, processes, ct);
            await CreateIssuerAsync(apis, env.Namespace, pebble, ct);

            // One wave of Certificates per kill, so every kill lands while issuance is in flight (with
            // PEBBLE_VA_NOSLEEP a wave is done in a second or two): after a random delay, or once a random
            // number of the wave's Orders exist.
            const int wave = Certificates / Kills;
            for (var kill = 1; kill <= Kills; kill++)
            {
                var names = Enumerable.Range((kill - 1) * wave, wave).Select(Name).ToList();
                foreach (var name in names)
                {
                    await CreateCertificateAsync(apis, env.Namespace, name, ct);
                }

                string trigger;
                if (random.Next(2) == 0)
                {
                    var after = TimeSpan.FromMilliseconds(random.Next(100, 2000));
                    await Task.Delay(after, ct);
                    trigger = $"{after.TotalSeconds:F1}s after the wave";
                }
                else
                {
                    var orders = random.Next(1, wave + 1);
                    await WaitForAsync(async () => (await apis.Orders.ListAsync(env.Namespace, null, ct)).Items.Count(o => names.Any(n => o.Metadata.Name.StartsWith(n + "-", StringComparison.Ordinal))) >= orders,
                        current, $"{orders} Orders of wave {kill}", ct);
                    trigger = $"once {orders} of the wave's Orders existed";
                }

                await current.KillAsync(); // Process.Kill sends SIGKILL on Unix: no shutdown code runs.
                var (orderCount, ready) = await ProgressAsync(apis, env.Namespace, ct);
                output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1}s kill {kill} {trigger}: {orderCount} Orders, {ready}/{kill * wave} Ready");
                current = await StartLeaderAsync(env, pebble, monitoring, http, processes, ct);
            }

            foreach (var i in Enumerable.Range(0, Certificates))
            {
                await WaitForAsync(async () => ConditionSet.IsTrue((await apis.Certificates.GetAsync(env.Namespace, Name(i), ct))?.Status?.Conditions, ConditionTypes.Ready),
                    current, $"Certificate {Name(i)} Ready", ct);
            }

            output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1}s all {Certificates} Certificates Ready");
            foreach (var i in Enumerable.Range(0, Certificates))
            {
                await AssertSecretAsync(apis, env.Namespace, Name(i), ct);
            }

            // Clean-up finishes after Ready (the Order deletes its Challenges, whose finalizers remove the Ingresses).
            await WaitForAsync(async () => (await apis.Ingresses.ListAsync(env.Namespace, ChallengeIngressBuilder.LabelSelectorForAll(), ct)).Items.Count == 0,
                current, "no challenge Ingresses left", ct);
            await WaitForAsync(async () => (await apis.Challenges.ListAsync(env.Namespace, null, ct)).Items.Count == 0,
                current, "no Challenges left", ct);
            await AssertOneOrderPerRevisionAsync(apis, env.Namespace, ct);
            output.WriteLine($"{clock.Elapsed.TotalSeconds,6:F1}s clean");

            // Not asserted: a kill between accepting a challenge and the CA's validation leaves nobody serving the token,
            // so that validation fails and the Certificate retries with a new Order after its issuance backoff.
            var failed = (await CoreResourceApis.Events(env.Client).ListAsync(env.Namespace, null, ct)).Items
                .Where(e => e.Reason == "Failed" && e.InvolvedObject.Kind == ApiGroups.OrderKind).ToList();
            output.WriteLine($"{failed.Count} Orders failed on the way and were replaced: {string.Join("; ", failed.Take(3).Select(e => $"{e.InvolvedObject.Name}: {e.Message}"))}");
            Assert.False(current.HasExited, "the last operator process exited:\n" + Tail(current.Output));
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
        }

        if (Environment.GetEnvironmentVariable("K8SCERT_KILL_LOGS") is { Length: > 0 } logDirectory)
        {
            Directory.CreateDirectory(logDirectory);
            for (var i = 0; i < processes.Count; i++)
            {
                await File.WriteAllTextAsync(Path.Combine(logDirectory, $"operator-{i + 1}.log"), processes[i].Output, CancellationToken.None);
            }
        }

        // Killed or not, no process died of an unhandled exception or lost a worker loop.
        for (var i = 0; i < processes.Count; i++)
        {
            Assert.DoesNotContain("Unhandled exception", processes[i].ErrorOutput, StringComparison.Ordinal);
            Assert.DoesNotContain("worker loop failed", processes[i].Output, StringComparison.Ordinal);
            var threw = processes[i].Output.Split('\n').Count(l => l.Contains(" threw", StringComparison.Ordinal));
            output.WriteLine($"process {i + 1}: {threw} reconciles threw (retried by the work queue)");
        }
    }

    private static string Name(int i) => "kill-" + i.ToString("D2", CultureInfo.InvariantCulture);

    /// <summary>Starts a replica and waits until it holds the lease (the killed leader's lease has to expire first).</summary>
    private async Task<ExternalProcess> StartLeaderAsync(
        KubeTestEnvironment env, PebbleFixture pebble, int monitoring, HttpClient http, List<ExternalProcess> processes, CancellationToken ct)
    {
        var process = OperatorProcess.Start(env.KubeconfigPath, env.Namespace, $"127.0.0.1:{pebble.HttpPort}", monitoring,
            "--http01-self-check", "false", "--workers", "4");
        processes.Add(process);
        await WaitForAsync(() => OperatorProcess.IsLeaderAsync(http, ct), process, $"replica {processes.Count} leading", ct);
        return process;
    }

    private static Task<Issuer> CreateIssuerAsync(OperatorApis apis, string ns, PebbleFixture pebble, CancellationToken ct) =>
        apis.Issuers.CreateAsync(new Issuer
        {
            Metadata = new V1ObjectMeta { Name = "pebble", NamespaceProperty = ns },
            Spec = AcmeIssuerBuilder.ForPebble(pebble, "pebble-account").Email("kill@example.com").Solvers(ChallengeSolvers.Http01Ingress()).Build(),
        }, ct);

    private static Task<Certificate> CreateCertificateAsync(OperatorApis apis, string ns, string name, CancellationToken ct) =>
        apis.Certificates.CreateAsync(TestCertificates.New(ns, name, "pebble", [$"{name}.example.com"]), ct);

    private static async Task<(int Orders, int Ready)> ProgressAsync(OperatorApis apis, string ns, CancellationToken ct)
    {
        var orders = (await apis.Orders.ListAsync(ns, null, ct)).Items.Count;
        var ready = (await apis.Certificates.ListAsync(ns, null, ct)).Items.Count(c => ConditionSet.IsTrue(c.Status?.Conditions, ConditionTypes.Ready));
        return (orders, ready);
    }

    /// <summary>The Secret holds a certificate for the Certificate's name and the private key that matches it.</summary>
    private static async Task AssertSecretAsync(OperatorApis apis, string ns, string name, CancellationToken ct)
    {
        var secret = await apis.Secrets.GetAsync(ns, name + "-tls", ct);
        Assert.NotNull(secret?.Data);
        Assert.Equal("kubernetes.io/tls", secret.Type);
        var crt = Encoding.ASCII.GetString(secret.Data["tls.crt"]);
        var key = Encoding.ASCII.GetString(secret.Data["tls.key"]);
        using var leaf = X509Certificate2.CreateFromPem(crt, key); // throws when the key does not match the leaf
        var san = leaf.Extensions.OfType<X509SubjectAlternativeNameExtension>().Single();
        Assert.Equal([$"{name}.example.com"], san.EnumerateDnsNames().ToArray());
        Assert.True(leaf.NotAfter > DateTime.Now, $"{name}: certificate already expired");
    }

    /// <summary>Crashes between "create Order" and "record it" must not leave a second Order for the same revision.</summary>
    private async Task AssertOneOrderPerRevisionAsync(OperatorApis apis, string ns, CancellationToken ct)
    {
        var orders = (await apis.Orders.ListAsync(ns, null, ct)).Items;
        var groups = orders
            .GroupBy(o => (Certificate: (o.Metadata.Labels is { } l && l.TryGetValue(LabelKeys.CertificateName, out var c) ? c : null), Revision: OrderFactory.RevisionOf(o)))
            .ToList();
        output.WriteLine($"{orders.Count} Orders left for {groups.Count} (certificate, revision) pairs");
        Assert.All(groups, g => Assert.True(g.Key.Certificate is not null && g.Key.Revision is not null, $"Order without certificate label or revision: {g.First().Metadata.Name}"));
        var duplicates = groups.Where(g => g.Count() > 1).Select(g => $"{g.Key}: {string.Join(", ", g.Select(o => $"{o.Metadata.Name} ({o.Status?.State})"))}").ToList();
        Assert.True(duplicates.Count == 0, "more than one Order per revision:\n" + string.Join("\n", duplicates));
        Assert.DoesNotContain(orders, o => AcmeStates.IsFailure(o.Status?.State));
    }

    private async Task WaitForAsync(Func<Task<bool>> condition, ExternalProcess process, string what, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(200, ct);
        }

        output.WriteLine(Tail(process.Output));
        Assert.Fail($"{what} not reached within {Patience}; operator {(process.HasExited ? $"exited with {process.ExitCode}" : "still running")}");
    }

    private static string Tail(string text) => text.Length > 20_000 ? text[^20_000..] : text;
}
