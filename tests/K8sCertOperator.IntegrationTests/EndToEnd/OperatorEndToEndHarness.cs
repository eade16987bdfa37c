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

namespace K8sCertOperator.IntegrationTests.EndToEnd;

/// <summary>
/// The whole operator, as production composes it (<see cref="OperatorComposition"/>), against
/// the stand-in API server (or a real cluster) and a real Pebble whose VA reaches the
/// operator's own HTTP-01 responder.
/// </summary>
internal sealed class OperatorEndToEndHarness : IAsyncDisposable
{
    private readonly ITestOutputHelper _output;
    private readonly ILoggerFactory _logs;

    private OperatorEndToEndHarness(ITestOutputHelper output, KubeTestEnvironment env, PebbleFixture pebble)
    {
        _output = output;
        Env = env;
        Pebble = pebble;
        _logs = LoggerFactory.Create(b => b.AddProvider(new TestOutputLoggerProvider(output)).SetMinimumLevel(LogLevel.Information));
    }

    public KubeTestEnvironment Env { get; }

    public PebbleFixture Pebble { get; }

    public OperatorHost? Host { get; private set; }

    public OperatorApis Apis => new(Env.Client);

    public string Namespace => Env.Namespace;

    public int MonitoringPort { get; } = FreePort.Next();

    public static string? MissingReason() =>
        ExternalTool.MissingReason("pebble", "pebble") ?? ExternalTool.MissingReason("pebble-challtestsrv", "pebble");

    public static async Task<OperatorEndToEndHarness> StartAsync(ITestOutputHelper output, PebbleOptions? pebbleOptions, CancellationToken ct)
    {
        var pebble = await PebbleFixture.StartAsync((pebbleOptions ?? new PebbleOptions()) with { StartHttp01Responder = false }, ct);
        var env = await KubeTestEnvironment.StartAsync(output, ct);
        return new OperatorEndToEndHarness(output, env, pebble);
    }

    public OperatorOptions Options => new()
    {
        Namespace = Namespace,
        WatchNamespace = Namespace,
        LeaderElection = true,
        LeaseName = "k8scert-e2e",
        LeaseDuration = TimeSpan.FromSeconds(5),
        RenewDeadline = TimeSpan.FromSeconds(4),
        RetryPeriod = TimeSpan.FromSeconds(1),
        Http01Listen = $"127.0.0.1:{Pebble.HttpPort}",
        Http01SelfCheck = false,
        MetricsListen = $"127.0.0.1:{MonitoringPort}",
        HealthListen = $"127.0.0.1:{MonitoringPort}",
        Workers = 2,
    };

    /// <summary>Starts the production line-up; <paramref name="adjust"/> and <paramref name="services"/> change options or services for one test.</summary>
    public async Task StartOperatorAsync(CancellationToken ct, Func<OperatorOptions, OperatorOptions>? adjust = null, Func<OperatorServices, OperatorServices>? services = null)
    {
        var options = adjust?.Invoke(Options) ?? Options;
        var composed = services?.Invoke(OperatorComposition.Services) ?? OperatorComposition.Services;
        Host = await OperatorHost.StartAsync(options, Env.Client, OperatorComposition.Controllers(options), composed, _logs, ct);
        await Host.WaitForSyncAsync(ct);
    }

    public async Task StopOperatorAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
            Host = null;
        }
    }

    public Task<Issuer> CreateAcmeIssuerAsync(string name, CancellationToken ct) =>
        Apis.Issuers.CreateAsync(new Issuer
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Spec = new IssuerSpec
            {
                Acme = new AcmeIssuer
                {
                    Server = Pebble.DirectoryUrl.ToString(),
                    Email = "e2e@example.com",
                    PrivateKeySecretRef = new SecretKeySelector { Name = name + "-account" },
                    CaBundle = Encoding.UTF8.GetBytes(Pebble.TlsCaPem),
                    Solvers = [new AcmeChallengeSolver { Http01 = new AcmeChallengeSolverHttp01 { Ingress = new AcmeChallengeSolverHttp01Ingress { IngressClassName = "nginx" } } }],
                },
            },
        }, ct);

    public Task<Certificate> CreateCertificateAsync(string name, string issuer, IReadOnlyList<string> dnsNames, CancellationToken ct, Action<CertificateSpec>? adjust = null)
    {
        var spec = new CertificateSpec
        {
            SecretName = name + "-tls",
            DnsNames = [.. dnsNames],
            IssuerRef = new ObjectReference { Name = issuer, Kind = ApiGroups.IssuerKind, Group = ApiGroups.Cert },
            PrivateKey = new CertificatePrivateKey { Algorithm = "ECDSA", Size = 256 },
        };
        adjust?.Invoke(spec);
        return Apis.Certificates.CreateAsync(new Certificate
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Spec = spec,
        }, ct);
    }

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
            await Task.Delay(100, ct);
        }
        _output.WriteLine("Pebble output:\n" + Pebble.Output);
        throw new TimeoutException($"{what} not reached within {timeout}; last seen: {(last is null ? "nothing" : k8s.KubernetesJson.Serialize(last))}");
    }

    public async ValueTask DisposeAsync()
    {
        await StopOperatorAsync();
        await Env.DisposeAsync();
        await Pebble.DisposeAsync();
        _logs.Dispose();
    }
}
