using k8s;
using K8sCertOperator.Controllers;
using K8sCertOperator.Kube.LeaderElection;
using K8sCertOperator.Solvers.Dns01;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Hosting;

/// <summary>
/// The pluggable parts of the host: how shared services are built and what runs on every
/// replica. <see cref="OperatorComposition"/> holds the production choices; tests swap pieces.
/// </summary>
public sealed record OperatorServices
{
    public required Func<OperatorApis, OperatorInformers, OperatorOptions, ILoggerFactory, IAcmeAccountRegistry> AcmeAccounts { get; init; }

    public required Func<IKubernetes, DnsProviderRegistry> DnsProviders { get; init; }

    public required Func<IKubernetes, OperatorOptions, ILoggerFactory, ILeaderElection> LeaderElection { get; init; }

    /// <summary>Builds the ACME order rate limiter; null uses the options' rate on the system clock (tests pass a fake clock).</summary>
    public Func<OperatorOptions, Controllers.Orders.AcmeOrderRateLimiter>? OrderRateLimiter { get; init; }

    /// <summary>Attached on every replica before the informers start (e.g. HTTP-01 token sync).</summary>
    public IReadOnlyList<Action<OperatorContext>> EveryReplica { get; init; } = [];

    /// <summary>Run once on every replica after the caches synced (e.g. orphan sweeps).</summary>
    public IReadOnlyList<Func<OperatorContext, CancellationToken, Task>> AfterSync { get; init; } = [];
}
