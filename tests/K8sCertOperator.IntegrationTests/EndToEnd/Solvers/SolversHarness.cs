using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers;
using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.EndToEnd.Solvers;

/// <summary>
/// The composed operator against the stand-in API server and a real Pebble, with any number of
/// replicas (each its own <see cref="OperatorHost"/> and HTTP-01 port) and optionally a bind9 that
/// Pebble resolves through and the DNS-01 solver updates. Public so the benchmark can drive it.
/// </summary>
public sealed class SolversHarness : IAsyncDisposable
{
    private readonly ITestOutputHelper? _output;
    private readonly ILoggerFactory _logs;
    private readonly List<OperatorHost> _hosts = [];

    private SolversHarness(ITestOutputHelper? output, ILoggerFactory logs, KubeTestEnvironment env, PebbleFixture pebble, Bind9Fixture? bind)
    {
        _output = output;
        _logs = logs;
        Env = env;
        Pebble = pebble;
        Bind = bind;
    }

    public KubeTestEnvironment Env { get; }

    public PebbleFixture Pebble { get; }

    /// <summary>The bind9 Pebble resolves through, or null when started without DNS.</summary>
    public Bind9Fixture? Bind { get; }

    public OperatorApis Apis => new(Env.Client);

    public string Namespace => Env.Namespace;

    public static string? MissingReason(bool withBind) =>
        ExternalTool.MissingReason("pebble", "pebble")
        ?? ExternalTool.MissingReason("pebble-challtestsrv", "pebble")
        ?? (withBind ? ExternalTool.MissingReason("named", "bind9") : null);

    /// <summary>Starts Pebble (no HTTP-01 responder of its own: a replica answers), the API server and, if asked, bind9.</summary>
    public static async Task<SolversHarness> StartAsync(ITestOutputHelper? output, ILoggerFactory logs, bool withBind, CancellationToken ct)
    {
        Bind9Fixture? bind = null;
        if (withBind)
        {
            bind = new Bind9Fixture();
            await bind.InitializeAsync();
        }
        var pebble = await PebbleFixture.StartAsync(new PebbleOptions { StartHttp01Responder = false, DnsServer = bind?.Nameserver }, ct);
        var env = await KubeTestEnvironment.StartAsync(output, ct);
        return new SolversHarness(output, logs, env, pebble, bind);
    }

    /// <summary>Options for one replica: short lease, own identity and HTTP-01 port, no monitoring listeners.</summary>
    public OperatorOptions ReplicaOptions(string identity, int http01Port) => new()
    {
        Namespace = Namespace,
        WatchNamespace = Namespace,
        LeaderElection = true,
        LeaseName = "k8scert-solvers",
        LeaseDuration = TimeSpan.FromSeconds(5),
        RenewDeadline = TimeSpan.FromSeconds(4),
        RetryPeriod = TimeSpan.FromSeconds(1),
        Identity = identity,
        Http01Listen = $"127.0.0.1:{http01Port}",
        Http01SelfCheck = false,
        MetricsListen = "",
        HealthListen = "",
        Workers = 2,
        Dns01RecursiveNameservers = Bind is null ? [] : [Bind.Nameserver],
        Dns01RecursiveNameserversOnly = Bind is not null,
    };

    /// <summary>Starts a replica and waits for its informers; it campaigns for the lease in the background.</summary>
    public async Task<OperatorHost> StartReplicaAsync(OperatorOptions options, CancellationToken ct)
    {
        var host = await OperatorHost.StartAsync(options, Env.Client, OperatorComposition.Controllers(options), OperatorComposition.Services, _logs, ct);
        _hosts.Add(host);
        await host.WaitForSyncAsync(ct);
        return host;
    }

    /// <summary>Stops a replica without any hand-over beyond what disposal does (stands in for a killed pod).</summary>
    public async Task StopReplicaAsync(OperatorHost host)
    {
        if (_hosts.Remove(host))
        {
            await host.DisposeAsync();
        }
    }

    public async Task WaitForLeaderAsync(OperatorHost host, TimeSpan timeout, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!host.Health.IsLeader)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"replica {host.Context.Options.Identity} did not become leader within {timeout}");
            }
            await Task.Delay(50, ct);
        }
    }

    public Task<Issuer> CreateHttp01IssuerAsync(string name, CancellationToken ct) =>
        CreateIssuerAsync(name, new AcmeChallengeSolver { Http01 = new AcmeChallengeSolverHttp01 { Ingress = new AcmeChallengeSolverHttp01Ingress { IngressClassName = "nginx" } } }, ct);

    /// <summary>An ACME Issuer whose only solver is RFC 2136 against <see cref="Bind"/>, the TSIG key in a Secret.</summary>
    public async Task<Issuer> CreateDns01IssuerAsync(string name, CancellationToken ct)
    {
        var bind = Bind ?? throw new InvalidOperationException("harness started without bind9");
        await Apis.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = name + "-tsig", NamespaceProperty = Namespace },
            Data = new Dictionary<string, byte[]> { ["secret"] = Encoding.ASCII.GetBytes(Convert.ToBase64String(bind.TsigSecret)) },
        }, ct);
        return await CreateIssuerAsync(name, new AcmeChallengeSolver
        {
            Dns01 = new AcmeChallengeSolverDns01
            {
                Rfc2136 = new AcmeIssuerDnsRfc2136
                {
                    Nameserver = bind.Nameserver,
                    TsigKeyName = bind.TsigKeyName,
                    TsigAlgorithm = "HMACSHA256",
                    TsigSecretSecretRef = new SecretKeySelector { Name = name + "-tsig", Key = "secret" },
                },
            },
        }, ct);
    }

    private Task<Issuer> CreateIssuerAsync(string name, AcmeChallengeSolver solver, CancellationToken ct) =>
        Apis.Issuers.CreateAsync(new Issuer
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace },
            Spec = new IssuerSpec
            {
                Acme = new AcmeIssuer
                {
                    Server = Pebble.DirectoryUrl.ToString(),
                    Email = "solvers@example.com",
                    PrivateKeySecretRef = new SecretKeySelector { Name = name + "-account" },
                    CaBundle = Encoding.UTF8.GetBytes(Pebble.TlsCaPem),
                    Solvers = [solver],
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

    public Task<Certificate> WaitReadyAsync(string name, TimeSpan timeout, CancellationToken ct) =>
        WaitForAsync(
            c => Apis.Certificates.GetAsync(Namespace, name, c),
            c => c.Status?.Revision >= 1 && ConditionSet.IsTrue(c.Status.Conditions, ConditionTypes.Ready),
            timeout, $"Certificate {name} Ready", ct);

    /// <summary>Polls the API (not an operator's cache) until <paramref name="done"/> holds.</summary>
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
        _output?.WriteLine("Pebble output:\n" + Pebble.Output);
        throw new TimeoutException($"{what} not reached within {timeout}; last seen: {(last is null ? "nothing" : k8s.KubernetesJson.Serialize(last))}");
    }

    /// <summary>The first Challenge in the namespace that satisfies <paramref name="match"/>.</summary>
    public Task<Challenge> WaitForChallengeAsync(Func<Challenge, bool> match, TimeSpan timeout, string what, CancellationToken ct) =>
        WaitForAsync(
            async c => (await Apis.Challenges.ListAsync(Namespace, null, c)).Items.FirstOrDefault(match),
            _ => true, timeout, what, ct);

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.ToList())
        {
            await host.DisposeAsync();
        }
        _hosts.Clear();
        await Env.DisposeAsync();
        await Pebble.DisposeAsync();
        if (Bind is not null)
        {
            await Bind.DisposeAsync();
        }
    }
}
