using k8s;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;
using K8sCertOperator.Kube.Status;
using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Http01;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Issuers;

/// <summary>
/// The issuer controllers without the host: real informers over the test API server, a fresh account registry,
/// and the two reconcilers built through their registrations. Reconciles are driven by the test.
/// </summary>
internal sealed class IssuerHarness : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _informersRun;

    private IssuerHarness(KubeTestEnvironment env, OperatorOptions options)
    {
        Env = env;
        var logs = NullLoggerFactory.Instance;
        Apis = new OperatorApis(env.Client);
        var informers = new InformerSet(Apis, options, logs);
        Informers = informers.Informers;
        Registry = new AcmeAccountRegistry(Apis, Informers, options, logs);
        Context = new OperatorContext
        {
            Client = env.Client,
            Options = options,
            LoggerFactory = logs,
            Events = new EventRecorder(CoreResourceApis.Events(env.Client), NullLogger.Instance),
            StatusWriter = new StatusWriter(NullLogger.Instance),
            Apis = Apis,
            Informers = Informers,
            Http01Tokens = new Http01TokenStore(),
            DnsProviders = new DnsProviderRegistry(),
            AcmeAccounts = Registry,
        };
        Issuers = new IssuerControllerRegistration().Build(Context, IssuerQueue);
        ClusterIssuers = new ClusterIssuerControllerRegistration().Build(Context, ClusterIssuerQueue);
        _informersRun = informers.RunAsync(_stop.Token);
        InformerSet = informers;
    }

    public KubeTestEnvironment Env { get; }

    public OperatorApis Apis { get; }

    public OperatorInformers Informers { get; }

    public AcmeAccountRegistry Registry { get; }

    public OperatorContext Context { get; }

    public IReconciler Issuers { get; }

    /// <summary>What the Issuer registration enqueues; nothing drains it unless a test does.</summary>
    public WorkQueue<ObjectKey> IssuerQueue { get; } = new(new WorkQueueOptions());

    public WorkQueue<ObjectKey> ClusterIssuerQueue { get; } = new(new WorkQueueOptions());

    public IReconciler ClusterIssuers { get; }

    private InformerSet InformerSet { get; }

    /// <summary>Starts the informers (the test namespace is both watch and cluster resource namespace) and waits for them to sync.</summary>
    public static async Task<IssuerHarness> StartAsync(
        KubeTestEnvironment env, CancellationToken cancellationToken, Func<OperatorOptions, OperatorOptions>? adjust = null)
    {
        var options = new OperatorOptions { Namespace = env.Namespace, WatchNamespace = env.Namespace };
        var harness = new IssuerHarness(env, adjust?.Invoke(options) ?? options);
        await harness.InformerSet.WaitForSyncAsync(cancellationToken);
        return harness;
    }

    public static AcmeIssuerBuilder Acme(Uri server) => new(server);

    public Task<Issuer> CreateIssuerAsync(string name, IssuerSpec spec, CancellationToken cancellationToken) =>
        Apis.Issuers.CreateAsync(new Issuer { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = Env.Namespace }, Spec = spec }, cancellationToken);

    public Task<ClusterIssuer> CreateClusterIssuerAsync(string name, IssuerSpec spec, CancellationToken cancellationToken) =>
        Apis.ClusterIssuers.CreateAsync(new ClusterIssuer { Metadata = new V1ObjectMeta { Name = name }, Spec = spec }, cancellationToken);

    /// <summary>Waits until the informer holds the stored version of the Issuer, then reconciles it once.</summary>
    public async Task<ReconcileResult> ReconcileIssuerAsync(string name, CancellationToken cancellationToken)
    {
        var key = new ObjectKey(Env.Namespace, name);
        await WaitCurrentAsync(Apis.Issuers, Informers.Issuers, key, cancellationToken);
        return await Issuers.ReconcileAsync(key, cancellationToken);
    }

    public async Task<ReconcileResult> ReconcileClusterIssuerAsync(string name, CancellationToken cancellationToken)
    {
        var key = new ObjectKey(null, name);
        await WaitCurrentAsync(Apis.ClusterIssuers, Informers.ClusterIssuers, key, cancellationToken);
        return await ClusterIssuers.ReconcileAsync(key, cancellationToken);
    }

    public async Task<Issuer> GetIssuerAsync(string name, CancellationToken cancellationToken) =>
        await Apis.Issuers.GetAsync(Env.Namespace, name, cancellationToken) ?? throw new InvalidOperationException($"Issuer {name} is gone");

    public async Task<IReadOnlyList<Corev1Event>> EventsForAsync(string name, CancellationToken cancellationToken)
    {
        var events = await CoreResourceApis.Events(Env.Client).ListAsync(Env.Namespace, null, cancellationToken);
        return events.Items.Where(e => e.InvolvedObject?.Name == name).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _informersRun;
        }
        catch (OperationCanceledException)
        {
        }

        IssuerQueue.ShutDown();
        ClusterIssuerQueue.ShutDown();
        Registry.Dispose();
        _stop.Dispose();
    }

    private static async Task WaitCurrentAsync<T>(IResourceApi<T> api, IInformer<T> informer, ObjectKey key, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var stored = await api.GetAsync(key.Namespace, key.Name, cancellationToken)
            ?? throw new InvalidOperationException($"{typeof(T).Name} {key} does not exist");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        while (informer.Get(key)?.Metadata.ResourceVersion != stored.Metadata.ResourceVersion)
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
