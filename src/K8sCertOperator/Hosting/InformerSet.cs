using k8s;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers;
using K8sCertOperator.Controllers.GatewayShim;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Solvers.Http01;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Hosting;

/// <summary>Creates the operator's informers with their scopes and runs them until cancelled.</summary>
public sealed class InformerSet
{
    private readonly List<Func<CancellationToken, Task>> _runners = [];
    private readonly List<Func<CancellationToken, Task>> _syncWaits = [];

    /// <param name="gatewayApi">Which Gateway API kinds to watch (found by <see cref="GatewayApiDiscovery"/>); none by default.</param>
    public InformerSet(OperatorApis apis, OperatorOptions options, ILoggerFactory loggerFactory, GatewayApiSupport? gatewayApi = null)
    {
        gatewayApi ??= GatewayApiSupport.None;
        ArgumentNullException.ThrowIfNull(apis);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        var scoped = new InformerOptions { Namespace = options.WatchNamespace };
        // Issuers' Secrets live in the watch scope, ClusterIssuers' in the operator namespace (which may lie outside it).
        IReadOnlyList<string?> secretNamespaces = options.WatchNamespace is null ? [null] : [.. new[] { options.WatchNamespace, options.Namespace }.Distinct(StringComparer.Ordinal)];
        var secretEvents = new EventWatch<PartialObjectMetadata>(apis.SecretMetadata, secretNamespaces, new InformerOptions(), loggerFactory.CreateLogger("SecretEvents"));
        _runners.Add(secretEvents.RunAsync);
        _syncWaits.Add(secretEvents.WaitForSyncAsync);
        Informers = new OperatorInformers
        {
            Certificates = Add(apis.Certificates, scoped, loggerFactory),
            Issuers = Add(apis.Issuers, scoped, loggerFactory),
            ClusterIssuers = Add(apis.ClusterIssuers, new InformerOptions(), loggerFactory),
            CertificateRequests = Add(apis.CertificateRequests, scoped, loggerFactory),
            Orders = Add(apis.Orders, scoped, loggerFactory),
            Challenges = Add(apis.Challenges, scoped, loggerFactory),
            // Only our own Secrets are cached: memory must not grow with unrelated Secrets.
            ManagedSecrets = Add(apis.Secrets, scoped with { LabelSelector = $"{LabelKeys.ManagedBy}={LabelKeys.ManagedByValue}" }, loggerFactory),
            ChallengeIngresses = Add(apis.Ingresses, SolverScope(options), loggerFactory),
            ChallengeServices = Add(apis.Services, SolverScope(options), loggerFactory),
            Ingresses = Add(apis.AnnotatedIngresses, scoped, loggerFactory),
            // Only informers for kinds the API server serves: a list that 404s would never sync.
            Gateways = gatewayApi.Gateways ? Add(apis.Gateways, scoped, loggerFactory) : null,
            ListenerSets = gatewayApi.ListenerSets ? Add(apis.ListenerSets, scoped, loggerFactory) : null,
            // Every Secret, metadata only and uncached: issuers wake when a Secret they reference changes.
            SecretEvents = secretEvents,
        };
        // Orders are owned by Certificates or requests, Challenges by Orders: several controllers look them up by owner.
        Informers.Orders.AddIndex(OwnerUidIndex.Name, OwnerUidIndex.Uids);
        Informers.Challenges.AddIndex(OwnerUidIndex.Name, OwnerUidIndex.Uids);
    }

    public OperatorInformers Informers { get; }

    /// <summary>True once every informer has listed at least once.</summary>
    public bool HasSynced { get; private set; }

    /// <summary>Starts every informer in the background; the task ends when all have stopped.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_runners.Select(run => Task.Run(() => run(cancellationToken), CancellationToken.None)));

    public async Task WaitForSyncAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(_syncWaits.Select(wait => wait(cancellationToken))).ConfigureAwait(false);
        HasSynced = true;
    }

    /// <summary>Solver pieces by label: next to the Challenges (all namespaces or the watched one), or in ours with the opt-in.</summary>
    private static InformerOptions SolverScope(OperatorOptions options) => new()
    {
        Namespace = options.Http01SolverNamespace == Http01SolverNamespace.Operator ? options.Namespace : options.WatchNamespace,
        LabelSelector = ChallengeSolverMetadata.LabelSelectorForAll(),
    };

    private Informer<T> Add<T>(IResourceApi<T> api, InformerOptions options, ILoggerFactory loggerFactory)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var informer = new Informer<T>(api, options, loggerFactory.CreateLogger($"Informer<{typeof(T).Name}>"));
        _runners.Add(informer.RunAsync);
        _syncWaits.Add(informer.WaitForSyncAsync);
        return informer;
    }
}
