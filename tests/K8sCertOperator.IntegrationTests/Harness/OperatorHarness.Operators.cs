using K8sCertOperator.Controllers;
using K8sCertOperator.Hosting;

namespace K8sCertOperator.IntegrationTests.Harness;

/// <summary>Starting, stopping and watching the operators (a single one or several replicas) of the harness.</summary>
public sealed partial class OperatorHarness
{
    /// <summary>The options of the single operator: on Pebble's HTTP port, monitoring on <see cref="MonitoringPort"/>.</summary>
    public OperatorOptions Options => Adjust(BaseOptions);

    /// <summary>Short lease, production-like leader election, no self-check (nothing resolves test names to us).</summary>
    private OperatorOptions BaseOptions => new()
    {
        Namespace = Namespace,
        WatchNamespace = Namespace,
        LeaderElection = true,
        LeaseName = _options.LeaseName,
        LeaseDuration = TimeSpan.FromSeconds(5),
        RenewDeadline = TimeSpan.FromSeconds(4),
        RetryPeriod = TimeSpan.FromSeconds(1),
        Http01Listen = $"127.0.0.1:{Pebble.HttpPort}",
        Http01SelfCheck = false,
        MetricsListen = $"127.0.0.1:{MonitoringPort}",
        HealthListen = $"127.0.0.1:{MonitoringPort}",
        Workers = 2,
        Dns01RecursiveNameservers = Bind is null ? [] : [Bind.Nameserver],
        Dns01RecursiveNameserversOnly = Bind is not null,
        ApiMode = _options.Flavor,
    };

    /// <summary>Options for one replica: its own identity and HTTP-01 port, no monitoring listeners.</summary>
    public OperatorOptions ReplicaOptions(string identity, int http01Port) => Adjust(BaseOptions with
    {
        Identity = identity,
        Http01Listen = $"127.0.0.1:{http01Port}",
        MetricsListen = "",
        HealthListen = "",
    });

    /// <summary>Starts the production line-up as <see cref="Host"/> and waits for its informers.</summary>
    public async Task StartOperatorAsync(CancellationToken ct) => Host = await StartReplicaAsync(Options, ct);

    /// <summary>Starts a replica and waits for its informers; it campaigns for the lease in the background.</summary>
    public async Task<OperatorHost> StartReplicaAsync(OperatorOptions options, CancellationToken ct)
    {
        var services = _options.Services?.Invoke(OperatorComposition.Services) ?? OperatorComposition.Services;
        var host = await OperatorHost.StartAsync(options, Env.Client, OperatorComposition.Controllers(options), services, _logs, ct);
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

        if (ReferenceEquals(Host, host))
        {
            Host = null;
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

    /// <summary>The operator is still running: its host task neither faulted nor ended.</summary>
    public void AssertOperatorAlive()
    {
        Assert.NotNull(Host);
        Assert.False(Host.Completion.IsCompleted, $"operator host ended: {Host.Completion.Exception}");
    }

    private OperatorOptions Adjust(OperatorOptions options) => _options.Operator?.Invoke(options) ?? options;
}
