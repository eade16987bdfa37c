using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers;
using K8sCertOperator.Controllers.Challenges;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.Controllers.Orders;
using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Controllers.Issuers;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Harness;
using K8sCertOperator.Kube.LeaderElection;
using K8sCertOperator.Pki;
using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Dns01.Rfc2136;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Orders;

/// <summary>
/// Stand-in API server + real Pebble (+ optional bind9 as Pebble's DNS) + the operator host running the Order and
/// Challenge controllers, with the operator's HTTP-01 responder on Pebble's HTTP validation port.
/// </summary>
internal sealed class AcmeControllerHarness : IAsyncDisposable
{
    public const string IssuerName = "pebble";

    private readonly ITestOutputHelper _output;
    private readonly List<IDisposable> _syncs = [];
    private readonly PebbleFixture? _pebble;
    private readonly AcmeServerUnderTest? _server;

    private AcmeControllerHarness(ITestOutputHelper output, KubeTestEnvironment env, PebbleFixture? pebble, Bind9Fixture? bind, AcmeServerUnderTest? server = null)
    {
        _output = output;
        Env = env;
        _pebble = pebble ?? server?.Pebble;
        _server = server;
        Bind = bind;
    }

    public KubeTestEnvironment Env { get; }

    /// <summary>The Pebble the operator talks to; only when the harness runs against Pebble.</summary>
    public PebbleFixture Pebble => _pebble ?? throw new InvalidOperationException("this harness runs against " + _server?.Description);

    /// <summary>The ACME server of a harness started with <see cref="StartWithServerAsync"/>.</summary>
    public AcmeServerUnderTest Server => _server ?? throw new InvalidOperationException("this harness runs against its own Pebble");

    public Bind9Fixture? Bind { get; }

    public OperatorApis Apis => new(Env.Client);

    public string Namespace => Env.Namespace;

    public OperatorHost? Host { get; private set; }

    /// <summary>Why the external binaries this needs are missing, or null.</summary>
    public static string? MissingReason(bool bind9) =>
        ExternalTool.MissingReason("pebble", "pebble")
        ?? ExternalTool.MissingReason("pebble-challtestsrv", "pebble")
        ?? (bind9 ? ExternalTool.MissingReason("named", "bind9") : null);

    public static async Task<AcmeControllerHarness> StartAsync(ITestOutputHelper output, bool bind9, CancellationToken ct)
    {
        Bind9Fixture? bind = null;
        if (bind9)
        {
            bind = new Bind9Fixture();
            await bind.InitializeAsync();
        }
        var pebble = await PebbleFixture.StartAsync(new PebbleOptions
        {
            StartHttp01Responder = false,
            AuthzReusePercent = 0,
            NonceRejectPercent = 0,
            DnsServer = bind?.Nameserver,
        }, ct);
        var env = await KubeTestEnvironment.StartAsync(output, ct);
        return new AcmeControllerHarness(output, env, pebble, bind);
    }

    /// <summary>
    /// Starts bind9, the ACME server <see cref="AcmeServerUnderTest"/> picks (Pebble when it offers profiles, ARI and the
    /// account-bound DNS challenges, else the in-process double) and the stand-in API server; says which server runs.
    /// </summary>
    public static async Task<AcmeControllerHarness> StartWithServerAsync(
        ITestOutputHelper output, CancellationToken ct, Fixtures.AcmeDouble.AcmeDoubleOptions? doubleOptions = null, bool doubleOnly = false)
    {
        var bind = new Bind9Fixture();
        await bind.InitializeAsync();
        var server = await AcmeServerUnderTest.StartAsync(bind, ct, doubleOptions, doubleOnly);
        output.WriteLine(server.Description);
        var env = await KubeTestEnvironment.StartAsync(output, ct);
        return new AcmeControllerHarness(output, env, null, bind, server);
    }

    private Uri DirectoryUrl => _server?.DirectoryUrl ?? Pebble.DirectoryUrl;

    /// <summary>Creates the namespaced Issuer (its account is registered at the ACME server by the Issuer controller) whose solvers the Order controller picks from.</summary>
    /// <param name="solvers">Its solvers.</param>
    /// <param name="ct">Cancels the request.</param>
    /// <param name="name">Issuer name (Orders name <see cref="IssuerName"/> unless told otherwise).</param>
    /// <param name="accountKeySecret">Secret for its account key: a different one is a different ACME account.</param>
    /// <param name="profile">Its <c>acme.profile</c>.</param>
    public Task<Issuer> CreateIssuerAsync(IReadOnlyList<AcmeChallengeSolver> solvers, CancellationToken ct, string name = IssuerName, string accountKeySecret = "pebble-account", string? profile = null)
    {
        var builder = new AcmeIssuerBuilder(DirectoryUrl).KeySecret(accountKeySecret).Solvers([.. solvers]);
        if ((_server is null ? Pebble.TlsCaPem : _server.TlsCaPem) is { } pem)
        {
            builder.CaBundle(pem);
        }
        var spec = builder.Build();
        spec.Acme!.Profile = profile;
        return Apis.Issuers.CreateAsync(new Issuer { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Namespace }, Spec = spec }, ct);
    }

    public static AcmeChallengeSolver Http01Solver() => ChallengeSolvers.Http01Ingress();

    /// <summary>A DNS-01 solver updating bind9 over RFC 2136 with the TSIG key from <paramref name="secretName"/>.</summary>
    public AcmeChallengeSolver Dns01Solver(string secretName) => ChallengeSolvers.Rfc2136(Bind!, secretName);

    /// <summary>Creates an Order for <paramref name="dnsNames"/> with a CSR from a fresh key, for Issuer <paramref name="issuerName"/>.</summary>
    public Task<Order> CreateOrderAsync(string name, IReadOnlyList<string> dnsNames, CancellationToken ct, string issuerName = IssuerName)
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var csr = CsrBuilder.BuildDer(key, new CertificateTemplate { DnsNames = dnsNames });
        return Apis.Orders.CreateAsync(new Order
        {
            Metadata = new V1ObjectMeta
            {
                Name = name,
                NamespaceProperty = Namespace,
                Labels = new Dictionary<string, string> { [LabelKeys.CertificateName] = "web" },
            },
            Spec = new OrderSpec
            {
                Request = csr,
                IssuerRef = new ObjectReference { Name = issuerName, Kind = ApiGroups.IssuerKind, Group = ApiGroups.Cert },
                DnsNames = [.. dnsNames],
            },
        }, ct);
    }

    /// <summary>Starts the operator host with the given controllers (the Challenge controller without self-check).</summary>
    /// <param name="orders">Run the Order controller.</param>
    /// <param name="challenges">Run the Challenge controller.</param>
    /// <param name="ct">Cancels start-up.</param>
    /// <param name="responderOnPebblePort">False binds the responder elsewhere, so Pebble's HTTP-01 validation cannot connect.</param>
    /// <param name="adjust">Last-minute changes to the operator options.</param>
    /// <param name="certificates">Also run the Certificate, approver and signer controllers (Certificate → CertificateRequest → Order → Secret).</param>
    /// <param name="clusterIssuers">Also run the ClusterIssuer controller (its Secrets in the options' cluster resource namespace).</param>
    public async Task StartOperatorAsync(
        bool orders, bool challenges, CancellationToken ct, bool responderOnPebblePort = true, Func<OperatorOptions, OperatorOptions>? adjust = null, bool certificates = false,
        bool clusterIssuers = false)
    {
        var logs = LoggerFactory.Create(b => b.AddProvider(new TestOutputLoggerProvider(_output)).SetMinimumLevel(LogLevel.Information));
        var options = new OperatorOptions
        {
            Namespace = Namespace,
            WatchNamespace = Namespace,
            LeaderElection = false,
            Http01Listen = responderOnPebblePort && _pebble is not null ? $"127.0.0.1:{_pebble.HttpPort}" : "127.0.0.1:0",
            MetricsListen = "",
            HealthListen = "",
            Workers = 2,
            Dns01RecursiveNameservers = Bind is null ? [] : [Bind.Nameserver],
            Dns01RecursiveNameserversOnly = true,
            Dns01PropagationTimeout = TimeSpan.FromSeconds(60),
            Http01SelfCheck = false,
        };
        options = adjust?.Invoke(options) ?? options;
        // The real Issuer controller registers the account, so Orders see exactly what production sees.
        var registrations = new List<IControllerRegistration> { new IssuerControllerRegistration() };
        if (clusterIssuers)
        {
            registrations.Add(new ClusterIssuerControllerRegistration());
        }
        if (orders)
        {
            registrations.Add(new OrderControllerRegistration());
        }
        if (challenges)
        {
            registrations.Add(new ChallengeControllerRegistration());
        }
        if (certificates)
        {
            registrations.Add(new K8sCertOperator.Controllers.Certificates.CertificateControllerRegistration());
            // Certificates issue through CertificateRequests: the built-in approver and the signer make the Order.
            registrations.Add(new K8sCertOperator.Controllers.CertificateRequests.CertificateRequestSignerRegistration());
            registrations.Add(new K8sCertOperator.Controllers.CertificateRequests.Approval.ApproverControllerRegistration(
                K8sCertOperator.Controllers.CertificateRequests.Approval.SignerPatterns.Default));
        }
        var services = new OperatorServices
        {
            AcmeAccounts = (apis, informers, o, l) => new AcmeAccountRegistry(apis, informers, o, l),
            DnsProviders = _ => new DnsProviderRegistry().Register(new Rfc2136ProviderFactory()),
            LeaderElection = (_, _, _) => new AlwaysLeader(),
            EveryReplica = [context => _syncs.Add(Http01TokenSync.Attach(context.Informers.Challenges, context.Http01Tokens))],
            AfterSync = [(context, token) => ChallengeOrphanSweeper.SweepAsync(context, token)],
        };
        Host = await OperatorHost.StartAsync(options, Env.Client, registrations, services, logs, ct);
        await Host.WaitForSyncAsync(ct);
    }

    public async Task StopOperatorAsync()
    {
        if (Host is not null)
        {
            await Host.DisposeAsync();
            Host = null;
        }
        foreach (var sync in _syncs)
        {
            sync.Dispose();
        }
        _syncs.Clear();
    }

    /// <summary>Polls the API until <paramref name="condition"/> holds for the Order; fails with its last status.</summary>
    public async Task<Order> WaitForOrderAsync(string name, Func<Order, bool> condition, CancellationToken ct)
    {
        Order? last = null;
        while (!ct.IsCancellationRequested)
        {
            last = await Apis.Orders.GetAsync(Namespace, name, ct);
            if (last is not null && condition(last))
            {
                return last;
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"order {name}: state {last?.Status?.State}, reason {last?.Status?.Reason}");
    }

    /// <summary>Polls the API until <paramref name="condition"/> holds for the Certificate; fails with its last conditions.</summary>
    public async Task<Certificate> WaitForCertificateAsync(string name, Func<Certificate, bool> condition, CancellationToken ct)
    {
        Certificate? last = null;
        while (!ct.IsCancellationRequested)
        {
            last = await Apis.Certificates.GetAsync(Namespace, name, ct);
            if (last is not null && condition(last))
            {
                return last;
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"certificate {name}: {string.Join("; ", last?.Status?.Conditions?.Select(c => $"{c.Type}={c.Status} {c.Reason}: {c.Message}") ?? [])}");
    }

    public async ValueTask DisposeAsync()
    {
        await StopOperatorAsync();
        await Env.DisposeAsync();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
        else
        {
            await Pebble.DisposeAsync();
        }
        if (Bind is not null)
        {
            await Bind.DisposeAsync();
        }
    }
}
