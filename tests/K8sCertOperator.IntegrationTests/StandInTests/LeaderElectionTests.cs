using k8s;
using k8s.LeaderElection;
using k8s.LeaderElection.ResourceLock;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>The client's own Lease-based leader election runs against the stand-in (coordination.k8s.io leases).</summary>
public sealed class LeaderElectionTests : StandInTestBase
{
    [Fact]
    public async Task LeaseLock_leader_election_acquires_and_records_the_holder()
    {
        var config = new LeaderElectionConfig(new LeaseLock(Client, Namespace, "operator-leader", "replica-1"))
        {
            LeaseDuration = TimeSpan.FromSeconds(10),
            RenewDeadline = TimeSpan.FromSeconds(8),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        };
        using var elector = new LeaderElector(config);
        var leading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        elector.OnStartedLeading += () => leading.TrySetResult();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var run = elector.RunUntilLeadershipLostAsync(stop.Token);

        await leading.Task.WaitAsync(Patience, Token);
        var lease = await Client.CoordinationV1.ReadNamespacedLeaseAsync("operator-leader", Namespace, cancellationToken: Token);
        Assert.Equal("replica-1", lease.Spec.HolderIdentity);

        await stop.CancelAsync();
        try
        {
            await run.WaitAsync(Patience, Token);
        }
        catch (OperationCanceledException)
        {
            // Cancelling the election is how it ends.
        }
    }
}
