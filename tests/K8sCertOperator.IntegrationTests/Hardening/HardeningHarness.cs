using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers;
using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Controllers.Orders;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Hardening;

/// <summary>
/// The composed operator (as <see cref="EndToEnd.OperatorEndToEndHarness"/>) against the stand-in and Pebble, with
/// every log entry of every level captured for scanning and an optional ACME server URL override (relay, fake servers).
/// </summary>
internal sealed class HardeningHarness : IAsyncDisposable
{
    private readonly ILoggerFactory _logs;

    private HardeningHarness(ITestOutputHelper output, KubeTestEnvironment env, PebbleFixture pebble)
    {
        Output = output;
        Env = env;
        Pebble = pebble;
        _logs = LoggerFactory.Create(b => b.AddProvider(new TestOutputLoggerProvider(output)).AddProvider(Logs).SetMinimumLevel(LogLevel.Trace));
    }

    public ITestOutputHelper Output { get; }

    public KubeTestEnvironment Env { get; }

    public PebbleFixture Pebble { get; }

    public CapturedLogs Logs { get; } = new();

    public OperatorHost? Host { get; private set; }

    public OperatorApis Apis => new(Env.Client);

    public string Namespace => Env.Namespace;

    public int MonitoringPort { get; } = FreePort.Next();

    public static string? MissingReason() =>
        ExternalTool.MissingReason("pebble", "pebble") ?? ExternalTool.MissingReason("pebble-challtestsrv", "pebble");

    public static async Task<HardeningHarness> StartAsync(ITestOutputHelper output, PebbleOptions? pebbleOptions, CancellationToken ct)
    {
        var pebble = await PebbleFixture.StartAsync((pebbleOptions ?? new PebbleOptions()) with { StartHttp01Responder = false }, ct);
        var env = await KubeTestEnvironment.StartAsync(output, ct);
        return new HardeningHarness(output, env, pebble);
    }

    public OperatorOptions Options => new()
    {
        Namespace = Namespace,
        WatchNamespace = Namespace,
        LeaderElection = true,
        LeaseName = "k8scert-hardening",
        LeaseDuration = TimeSpan.FromSeconds(5),
        RenewDeadline = TimeSpan.FromSeconds(4),
        RetryPeriod = TimeSpan.FromSeconds(1),
        Http01Listen = $"127.0.0.1:{Pebble.HttpPort}",
        Http01SelfCheck = false,
        MetricsListen = $"127.0.0.1:{MonitoringPort}",
        HealthListen = $"127.0.0.1:{MonitoringPort}",
        Workers = 2,
    };

    public async Task StartOperatorAsync(CancellationToken ct)
    {
        var options = Options;
        Host = await OperatorHost.StartAsync(options, Env.Client, OperatorComposition.Controllers(options), OperatorComposition.Services, _logs, ct);
        await Host.WaitForSyncAsync(ct);
    }

    /// <summary>The operator is still running: its host task neither faulted nor ended.</summary>
    public void AssertOperatorAlive()
    {
        Assert.NotNull(Host);
        Assert.False(Host.Completion.IsCompleted, $"operator host ended: {Host.Completion.Exception}");
    }

    public Task<Issuer> CreateAcmeIssuerAsync(string name, CancellationToken ct, Uri? server = null) =>
        Apis.Issuers.CreateAsync(new Issuer
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Spec = new IssuerSpec
            {
                Acme = new AcmeIssuer
                {
                    Server = (server ?? Pebble.DirectoryUrl).ToString(),
                    Email = "hardening@example.com",
                    PrivateKeySecretRef = new SecretKeySelector { Name = name + "-account" },
                    CaBundle = Encoding.UTF8.GetBytes(Pebble.TlsCaPem),
                    Solvers = [new AcmeChallengeSolver { Http01 = new AcmeChallengeSolverHttp01 { Ingress = new AcmeChallengeSolverHttp01Ingress { IngressClassName = "nginx" } } }],
                },
            },
        }, ct);

    public Task<Certificate> CreateCertificateAsync(string name, string issuer, IReadOnlyList<string> dnsNames, CancellationToken ct) =>
        Apis.Certificates.CreateAsync(new Certificate
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Spec = new CertificateSpec
            {
                SecretName = name + "-tls",
                DnsNames = [.. dnsNames],
                IssuerRef = new ObjectReference { Name = issuer, Kind = ApiGroups.IssuerKind, Group = ApiGroups.Cert },
                PrivateKey = new CertificatePrivateKey { Algorithm = "ECDSA", Size = 256 },
            },
        }, ct);

    /// <summary>Polls the API (not the operator's cache) until <paramref name="done"/> holds.</summary>
    public async Task<T> WaitForAsync<T>(Func<CancellationToken, Task<T?>> read, Func<T, bool> done, TimeSpan timeout, string what, CancellationToken ct)
        where T : class
    {
        var deadline = DateTime.UtcNow + timeout;
        T? last = null;
        while (DateTime.UtcNow < deadline)
        {
            last = await read(ct);
            if (last is not null && done(last))
            {
                return last;
            }

            await Task.Delay(200, ct);
        }

        throw new TimeoutException($"{what} not reached within {timeout}; last seen: {(last is null ? "nothing" : k8s.KubernetesJson.Serialize(last))}");
    }

    public Task<Certificate> WaitCertificateReadyAsync(string name, TimeSpan timeout, CancellationToken ct) =>
        WaitForAsync(
            c => Apis.Certificates.GetAsync(Namespace, name, c),
            c => ConditionSet.IsTrue(c.Status?.Conditions, ConditionTypes.Ready),
            timeout, $"Certificate {name} Ready", ct);

    public async ValueTask DisposeAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
            Host = null;
        }

        await Env.DisposeAsync();
        await Pebble.DisposeAsync();
        _logs.Dispose();
    }
}
