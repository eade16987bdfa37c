namespace K8sCertOperator.Kube.LeaderElection;

/// <summary>Leader election turned off: this replica leads from start until cancellation.</summary>
public sealed class AlwaysLeader : ILeaderElection
{
    private volatile bool _isLeader;

    public bool IsLeader => _isLeader;

    public event Action? StartedLeading;

    public event Action? StoppedLeading;

    public async Task RunAsync(Func<CancellationToken, Task> whileLeading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(whileLeading);
        _isLeader = true;
        StartedLeading?.Invoke();
        try
        {
            await whileLeading(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            _isLeader = false;
            StoppedLeading?.Invoke();
        }
    }
}
