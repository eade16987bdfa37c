using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Kube.LeaderElection;

/// <summary>
/// Lease-based leader election wrapping KubernetesClient's <see cref="LeaderElector"/> and <see cref="LeaseLock"/>.
/// The shared <see cref="IKubernetes"/> is borrowed, never disposed.
/// </summary>
public sealed class LeaseLeaderElection : ILeaderElection
{
    private readonly Func<ILock> _lockFactory;
    private readonly LeaderElectionOptions _options;
    private readonly ILogger _logger;
    private volatile bool _isLeader;

    public LeaseLeaderElection(IKubernetes client, LeaderElectionOptions options, ILogger logger)
        : this(LeaseLockFactory(client, options), options, logger)
    {
    }

    /// <summary>Election over any <see cref="ILock"/> (tests use an in-memory lock).</summary>
    internal LeaseLeaderElection(Func<ILock> lockFactory, LeaderElectionOptions options, ILogger logger)
    {
        _lockFactory = lockFactory ?? throw new ArgumentNullException(nameof(lockFactory));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
    }

    public bool IsLeader => _isLeader;

    public event Action? StartedLeading;

    public event Action? StoppedLeading;

    /// <summary>The election for <paramref name="options"/>: a Lease election, or <see cref="AlwaysLeader"/> when disabled.</summary>
    public static ILeaderElection Create(IKubernetes client, LeaderElectionOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Enabled ? new LeaseLeaderElection(client, options, logger) : new AlwaysLeader();
    }

    public async Task RunAsync(Func<CancellationToken, Task> whileLeading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(whileLeading);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await RunOneTermAsync(whileLeading, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // API errors while campaigning are retried, never fatal
            catch (Exception e)
#pragma warning restore CA1031
            {
                _logger.LogWarning(e, "Leader election for lease {LeaseNamespace}/{LeaseName} failed; retrying", _options.LeaseNamespace, _options.LeaseName);
            }

            try
            {
                await Task.Delay(_options.RetryPeriod, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    private async Task RunOneTermAsync(Func<CancellationToken, Task> whileLeading, CancellationToken cancellationToken)
    {
        var config = new LeaderElectionConfig(_lockFactory())
        {
            LeaseDuration = _options.LeaseDuration,
            RenewDeadline = _options.RenewDeadline,
            RetryPeriod = _options.RetryPeriod,
        };
        using var elector = new LeaderElector(config);
        using var term = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task? work = null;

        elector.OnStartedLeading += () =>
        {
            _isLeader = true;
            _logger.LogInformation("Became leader of lease {LeaseNamespace}/{LeaseName} as {Identity}", _options.LeaseNamespace, _options.LeaseName, _options.Identity);
            Raise(StartedLeading);
            work = Task.Run(() => whileLeading(term.Token), CancellationToken.None);
        };
        elector.OnStoppedLeading += () =>
        {
            _isLeader = false;
            term.Cancel();
            _logger.LogInformation("Stopped leading lease {LeaseNamespace}/{LeaseName}", _options.LeaseNamespace, _options.LeaseName);
            Raise(StoppedLeading);
        };
        elector.OnNewLeader += leader => _logger.LogInformation("Lease {LeaseNamespace}/{LeaseName} is held by {Leader}", _options.LeaseNamespace, _options.LeaseName, leader);

        try
        {
            await elector.RunUntilLeadershipLostAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await term.CancelAsync().ConfigureAwait(false);
            if (work is not null)
            {
                await AwaitWorkAsync(work).ConfigureAwait(false);
            }
        }
    }

    private static Func<ILock> LeaseLockFactory(IKubernetes client, LeaderElectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        return () => new LeaseLock(client, options.LeaseNamespace, options.LeaseName, options.Identity);
    }

    private async Task AwaitWorkAsync(Task work)
    {
        try
        {
            await work.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }
#pragma warning disable CA1031 // the leading work failing must not stop the election loop
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogError(e, "Work run while leading failed");
        }
    }

    private void Raise(Action? handler)
    {
        try
        {
            handler?.Invoke();
        }
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogError(e, "Leader election event handler threw");
        }
    }
}
