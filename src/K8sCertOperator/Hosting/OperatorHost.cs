using k8s;
using K8sCertOperator.Controllers;
using K8sCertOperator.Controllers.GatewayShim;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Kube.LeaderElection;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;
using K8sCertOperator.Kube.Status;
using K8sCertOperator.Observability;
using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Http01;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sCertOperator.Hosting;

/// <summary>
/// The running operator: informers and the HTTP-01 responder on every replica, controllers
/// only on the leader. Losing the lease ends the host (the pod restarts and stands by), which
/// is simpler and safer than trying to resume half-stopped work queues.
/// </summary>
public sealed class OperatorHost : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop;
    private readonly List<IAsyncDisposable> _servers;
    private readonly ILogger _logger;

    private OperatorHost(OperatorContext context, HealthState health, CancellationTokenSource stop, List<IAsyncDisposable> servers, ILogger logger)
    {
        Context = context;
        Health = health;
        _stop = stop;
        _servers = servers;
        _logger = logger;
    }

    public OperatorContext Context { get; }

    public HealthState Health { get; }

    /// <summary>Port the HTTP-01 responder bound, or 0 when it is disabled.</summary>
    public int Http01Port { get; private set; }

    /// <summary>Ends when the host stops: cancelled, lease lost, or a fatal error (rethrown).</summary>
    public Task Completion { get; private set; } = Task.CompletedTask;

    public static async Task<OperatorHost> StartAsync(
        OperatorOptions options,
        IKubernetes client,
        IReadOnlyList<IControllerRegistration> controllers,
        OperatorServices services,
        ILoggerFactory? loggerFactory,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(controllers);
        ArgumentNullException.ThrowIfNull(services);
        var logs = loggerFactory ?? NullLoggerFactory.Instance;
        var logger = logs.CreateLogger<OperatorHost>();
        var apis = new OperatorApis(client, options.ApiMode);
        var gatewayApi = await GatewayApiDiscovery.DetectAsync(client, options.GatewayApi, logs.CreateLogger("GatewayApi"), cancellationToken).ConfigureAwait(false);
        var informerSet = new InformerSet(apis, options, logs, gatewayApi);
        var context = new OperatorContext
        {
            Client = client,
            Options = options,
            LoggerFactory = logs,
            Events = new EventRecorder(CoreResourceApis.Events(client, WireNames.For(options.ApiMode)), logs.CreateLogger<EventRecorder>()),
            StatusWriter = new StatusWriter(logs.CreateLogger<StatusWriter>()),
            Apis = apis,
            Informers = informerSet.Informers,
            Http01Tokens = new Http01TokenStore(),
            DnsProviders = services.DnsProviders(client),
            AcmeAccounts = services.AcmeAccounts(apis, informerSet.Informers, options, logs),
            OrderRateLimiter = services.OrderRateLimiter?.Invoke(options) ?? new Controllers.Orders.AcmeOrderRateLimiter(options.AcmeOrderRate),
        };

        // Queues and event subscriptions exist before the informers list, so no add is missed
        // and a standby replica's queues are full when it takes over.
        var metrics = new PrometheusControllerMetrics();
        var runners = controllers.Where(registration => registration.IsEnabled(context)).Select(registration =>
        {
            var queue = new WorkQueue<ObjectKey>(new WorkQueueOptions(), context.Time);
            var reconciler = registration.Build(context, queue);
            return new Controller(
                new ControllerOptions { Name = registration.Name, Workers = options.Workers },
                queue, reconciler, logs.CreateLogger("Controller." + registration.Name), metrics, context.Time);
        }).ToList();
        foreach (var attach in services.EveryReplica)
        {
            attach(context);
        }

        var health = new HealthState();
        var servers = new List<IAsyncDisposable>();
        var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var host = new OperatorHost(context, health, stop, servers, logger);
        try
        {
            // Each port has its own listener and connection budget; connection counts go to /metrics.
            var observer = PrometheusHttpServerMetrics.Instance;
            if (!string.IsNullOrWhiteSpace(options.Http01Listen))
            {
                var responder = await Http01Responder.StartAsync(
                    ListenAddress.Parse(options.Http01Listen), context.Http01Tokens, logs, ListenerBudgets.Http01(observer), cancellationToken).ConfigureAwait(false);
                servers.Add(responder);
                host.Http01Port = responder.Port;
            }
            var monitoring = MonitoringListeners(options, observer);
            if (monitoring.Count > 0)
            {
                servers.Add(await MonitoringServer.StartAsync(monitoring, health, logs.CreateLogger<MonitoringServer>(), cancellationToken).ConfigureAwait(false));
            }
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        host.Completion = host.RunAsync(informerSet, runners, services, stop.Token);
        if (options.GatewayApi == GatewayApiMode.Auto && !gatewayApi.Gateways)
        {
            _ = host.RestartWhenGatewayApiAppearsAsync(client, options.GatewayApiRecheckInterval, logs.CreateLogger("GatewayApi"), stop.Token);
        }
        return host;
    }

    /// <summary>Health and metrics as two listeners, or one (the health budget) when both flags name the same address.</summary>
    internal static List<(System.Net.IPEndPoint Endpoint, Http.HttpServerOptions Options)> MonitoringListeners(
        OperatorOptions options, Http.IHttpServerObserver? observer)
    {
        var listeners = new List<(System.Net.IPEndPoint, Http.HttpServerOptions)>();
        if (!string.IsNullOrWhiteSpace(options.HealthListen))
        {
            listeners.Add((ListenAddress.Parse(options.HealthListen), ListenerBudgets.Health(observer)));
        }
        if (!string.IsNullOrWhiteSpace(options.MetricsListen) && options.MetricsListen != options.HealthListen)
        {
            listeners.Add((ListenAddress.Parse(options.MetricsListen), ListenerBudgets.Metrics(observer)));
        }
        return listeners;
    }

    /// <summary>Waits until every informer has listed once (tests and /readyz use this).</summary>
    public async Task WaitForSyncAsync(CancellationToken cancellationToken)
    {
        while (!Health.InformersSynced)
        {
            if (Completion.IsCompleted)
            {
                await Completion.ConfigureAwait(false);
                throw new InvalidOperationException("operator host stopped before its informers synced");
            }
            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Completion.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Normal shutdown.
        }
        foreach (var server in _servers)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
        _stop.Dispose();
    }

    /// <summary>Set when the host stopped itself because the Gateway API appeared (the restart turns the gateway-shim on).</summary>
    public bool StoppedForGatewayApi { get; private set; }

    // Informers and controllers are fixed at start-up; a fresh start is the simplest safe way to add the Gateway ones.
    private async Task RestartWhenGatewayApiAppearsAsync(IKubernetes client, TimeSpan interval, ILogger logger, CancellationToken stop)
    {
        try
        {
            await GatewayApiDiscovery.WaitForInstallAsync(client, interval, logger, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (stop.IsCancellationRequested)
        {
            return;
        }

        logger.LogInformation("The API server now serves the Gateway API: stopping so that a restart turns the gateway-shim on");
        StoppedForGatewayApi = true;
        try
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // Disposed meanwhile: the host is stopping anyway.
        }
    }

    private async Task RunAsync(InformerSet informerSet, IReadOnlyList<Controller> runners, OperatorServices services, CancellationToken stop)
    {
        var informers = informerSet.RunAsync(stop);
        await informerSet.WaitForSyncAsync(stop).ConfigureAwait(false);
        Health.MarkSynced();
        _logger.LogInformation("Informers synced; {Controllers} controllers waiting for leadership", runners.Count);
        if (!Context.Options.ApiMode.IsNative && Context.Options.CertManagerLeaseName is { } lease)
        {
            // Nothing is written (not even the orphan sweep) while cert-manager's own controller is still in charge.
            await new ForeignLeaseGuard(CoreResourceApis.Leases(Context.Client), Context.Options.CertManagerLeaseNamespace, lease, Context.Options.RetryPeriod, _logger)
                .WaitUntilFreeAsync(stop).ConfigureAwait(false);
        }

        foreach (var afterSync in services.AfterSync)
        {
            await afterSync(Context, stop).ConfigureAwait(false);
        }

        var election = services.LeaderElection(Context.Client, Context.Options, Context.LoggerFactory);
        election.StartedLeading += () => Health.SetLeader(true);
        election.StoppedLeading += () => Health.SetLeader(false);
        await election.RunAsync(
            async leading =>
            {
                await Task.WhenAll(runners.Select(r => r.RunAsync(leading))).ConfigureAwait(false);
                // The queues are shut down now; a lost lease ends the process rather than
                // campaigning again with half-stopped controllers.
                if (!stop.IsCancellationRequested)
                {
                    _logger.LogWarning("Lost leadership; stopping so a fresh start can stand by");
                    await _stop.CancelAsync().ConfigureAwait(false);
                }
            },
            stop).ConfigureAwait(false);
        _logger.LogInformation("Operator stopping");
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await informers.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Informers end by cancellation.
        }
    }
}
