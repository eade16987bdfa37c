namespace K8sCertOperator.Kube.LeaderElection;

/// <summary>
/// Runs work only while this replica holds leadership. The token passed to the work is cancelled
/// when leadership is lost (or the caller's token is cancelled), which stops the controllers.
/// </summary>
public interface ILeaderElection
{
    bool IsLeader { get; }

    event Action? StartedLeading;

    event Action? StoppedLeading;

    /// <summary>
    /// Campaigns until <paramref name="cancellationToken"/> is cancelled. Each time leadership is won,
    /// runs <paramref name="whileLeading"/> with a token that is cancelled when it is lost, then campaigns again.
    /// </summary>
    Task RunAsync(Func<CancellationToken, Task> whileLeading, CancellationToken cancellationToken);
}
