using k8s;
using K8sCertOperator.Kube.Client;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Kube.LeaderElection;

/// <summary>
/// Lease-based leader election in the manner of client-go: campaign every RetryPeriod until the Lease is ours,
/// then renew it every RetryPeriod and step down when no renewal succeeded within RenewDeadline or someone else
/// holds it. The rules live in <see cref="LeaseClaimPolicy"/>; the shared <see cref="IKubernetes"/> is borrowed, never disposed.
/// </summary>
public sealed class LeaseLeaderElection : ILeaderElection
{
    private readonly ILeaseStore _store;
    private readonly LeaderElectionOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private volatile bool _isLeader;
    private string? _observedHolder;

    public LeaseLeaderElection(IKubernetes client, LeaderElectionOptions options, ILogger logger, TimeProvider? time = null)
        : this(StoreFor(client, options), options, logger, time)
    {
    }

    /// <summary>Election over any <see cref="ILeaseStore"/> (tests use an in-memory one).</summary>
    public LeaseLeaderElection(ILeaseStore store, LeaderElectionOptions options, ILogger logger, TimeProvider? time = null)
    {
        _store = store ?? throw new ArgumentNullException(nameof(store));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _time = time ?? TimeProvider.System;
        ArgumentException.ThrowIfNullOrEmpty(options.Identity);
    }

    private enum Attempt
    {
        Leading,
        HeldByOther,
        Failed,
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
        while (await CampaignAsync(cancellationToken).ConfigureAwait(false) is { } wonAt)
        {
            await LeadAsync(whileLeading, wonAt, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Tries every RetryPeriod until the Lease is ours (returns when it was renewed) or the caller cancels (null).</summary>
    private async Task<DateTimeOffset?> CampaignAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            // No round may hang the campaign: one that takes longer than a renewal may is abandoned and retried.
            var (attempt, at) = await TryAcquireOrRenewAsync(_options.RenewDeadline, cancellationToken).ConfigureAwait(false);
            if (attempt == Attempt.Leading)
            {
                return cancellationToken.IsCancellationRequested ? null : at;
            }

            if (!await DelayAsync(_options.RetryPeriod, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }
        }

        return null;
    }

    private async Task LeadAsync(Func<CancellationToken, Task> whileLeading, DateTimeOffset renewedAt, CancellationToken cancellationToken)
    {
        using var term = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _isLeader = true;
        _logger.LogInformation("Became leader of lease {Lease} as {Identity}", _store.Description, _options.Identity);
        Raise(StartedLeading);
        var work = Task.Run(() => whileLeading(term.Token), CancellationToken.None);
        try
        {
            await RenewUntilLostAsync(renewedAt, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _isLeader = false;
            await term.CancelAsync().ConfigureAwait(false);
            _logger.LogInformation("Stopped leading lease {Lease}", _store.Description);
            Raise(StoppedLeading);
            await AwaitWorkAsync(work).ConfigureAwait(false);
            if (cancellationToken.IsCancellationRequested)
            {
                // Only after our work has stopped, so two leaders never overlap.
                await ReleaseAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Gives the Lease back on shutdown so a standby need not wait for it to expire; best effort, bounded.</summary>
    private async Task ReleaseAsync()
    {
        using var timeout = new CancellationTokenSource(_options.RenewDeadline, _time);
        try
        {
            var current = await _store.GetAsync(timeout.Token).ConfigureAwait(false);
            if (current is not null && LeaseClaimPolicy.Release(current.Spec, _options.Identity, _time.GetUtcNow().UtcDateTime) is { } released
                && !(await _store.ReplaceAsync(current, released, timeout.Token).ConfigureAwait(false)).Conflicted)
            {
                _logger.LogInformation("Released lease {Lease}", _store.Description);
            }
        }
#pragma warning disable CA1031 // an unreleased Lease only means the standby waits for it to expire
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogWarning(e, "Could not release lease {Lease}; it expires on its own", _store.Description);
        }
    }

    /// <summary>Renews every RetryPeriod; returns when leadership is lost or the caller cancels.</summary>
    private async Task RenewUntilLostAsync(DateTimeOffset lastRenewed, CancellationToken cancellationToken)
    {
        while (await DelayAsync(_options.RetryPeriod, cancellationToken).ConfigureAwait(false))
        {
            if (DeadlinePassed(lastRenewed))
            {
                return;
            }

            // A hanging API call must not keep us leading past the deadline.
            var remaining = _options.RenewDeadline - (_time.GetUtcNow() - lastRenewed);
            var (attempt, at) = await TryAcquireOrRenewAsync(remaining, cancellationToken).ConfigureAwait(false);
            if (attempt == Attempt.Leading)
            {
                lastRenewed = at;
            }
            else if (attempt == Attempt.HeldByOther)
            {
                _logger.LogWarning("Lease {Lease} was taken by {Holder}; giving up leadership", _store.Description, _observedHolder);
                return;
            }
            else if (DeadlinePassed(lastRenewed) || cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private bool DeadlinePassed(DateTimeOffset lastRenewed)
    {
        if (!LeaseClaimPolicy.RenewDeadlinePassed(lastRenewed, _time.GetUtcNow(), _options.RenewDeadline))
        {
            return false;
        }

        _logger.LogWarning("No renewal of lease {Lease} succeeded within {RenewDeadline}; giving up leadership", _store.Description, _options.RenewDeadline);
        return true;
    }

    /// <summary>
    /// One read-decide-write round cut off after <paramref name="timeout"/>, with the time the written renewTime was
    /// taken from (the renew deadline counts from there). API errors are logged and reported as <see cref="Attempt.Failed"/>.
    /// </summary>
    private async Task<(Attempt Attempt, DateTimeOffset At)> TryAcquireOrRenewAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var at = _time.GetUtcNow();
        using var deadline = new CancellationTokenSource(timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var attemptToken = linked.Token;
        try
        {
            var current = await _store.GetAsync(attemptToken).ConfigureAwait(false);
            ObserveHolder(current?.Spec?.HolderIdentity);
            at = _time.GetUtcNow();
            var claim = LeaseClaimPolicy.Decide(current?.Spec, _options.Identity, at.UtcDateTime, _options.LeaseDuration);
            if (!claim.MayWrite)
            {
                return (Attempt.HeldByOther, at);
            }

            var write = current is null
                ? await _store.CreateAsync(claim.Spec!, attemptToken).ConfigureAwait(false)
                : await _store.ReplaceAsync(current, claim.Spec!, attemptToken).ConfigureAwait(false);
            if (write.Conflicted)
            {
                _logger.LogDebug("Lost a race for lease {Lease}; retrying", _store.Description);
                return (Attempt.Failed, at);
            }

            ObserveHolder(_options.Identity);
            return (Attempt.Leading, at);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (Attempt.Failed, at);
        }
#pragma warning disable CA1031 // API errors (and attempts cut off by the renew deadline) are retried, never fatal
        catch (Exception e)
#pragma warning restore CA1031
        {
            _logger.LogWarning(e, "Leader election for lease {Lease} failed; retrying", _store.Description);
            return (Attempt.Failed, at);
        }
    }

    private void ObserveHolder(string? holder)
    {
        if (!string.IsNullOrEmpty(holder) && holder != _observedHolder)
        {
            _observedHolder = holder;
            _logger.LogInformation("Lease {Lease} is held by {Leader}", _store.Description, holder);
        }
    }

    /// <summary>Waits on the election's clock; false when cancelled.</summary>
    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static KubeLeaseStore StoreFor(IKubernetes client, LeaderElectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(options);
        return new KubeLeaseStore(CoreResourceApis.Leases(client), options.LeaseNamespace, options.LeaseName);
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
