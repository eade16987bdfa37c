using k8s;
using k8s.Models;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.LeaderElection;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>The operator's Lease election runs against the stand-in (coordination.k8s.io leases, 409 on a stale resourceVersion).</summary>
public sealed class LeaderElectionTests : StandInTestBase
{
    [Fact]
    public async Task Lease_election_acquires_and_records_the_holder()
    {
        var election = new LeaseLeaderElection(Client, new LeaderElectionOptions
        {
            LeaseNamespace = Namespace,
            LeaseName = "operator-leader",
            Identity = "replica-1",
            LeaseDuration = TimeSpan.FromSeconds(10),
            RenewDeadline = TimeSpan.FromSeconds(8),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
        }, NullLogger.Instance);
        var leading = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        election.StartedLeading += () => leading.TrySetResult();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var run = election.RunAsync(t => Task.Delay(Timeout.Infinite, t), stop.Token);

        await leading.Task.WaitAsync(Patience, Token);
        var first = await Client.CoordinationV1.ReadNamespacedLeaseAsync("operator-leader", Namespace, cancellationToken: Token);
        Assert.Equal("replica-1", first.Spec.HolderIdentity);
        Assert.Equal(10, first.Spec.LeaseDurationSeconds);
        Assert.Equal(0, first.Spec.LeaseTransitions);

        // Renewals move renewTime (and the resourceVersion) while acquireTime stays.
        var renewed = first;
        var deadline = DateTime.UtcNow + Patience;
        while (renewed.Metadata.ResourceVersion == first.Metadata.ResourceVersion && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Token);
            renewed = await Client.CoordinationV1.ReadNamespacedLeaseAsync("operator-leader", Namespace, cancellationToken: Token);
        }
        Assert.True(renewed.Spec.RenewTime > first.Spec.RenewTime);
        Assert.Equal(first.Spec.AcquireTime, renewed.Spec.AcquireTime);

        await stop.CancelAsync();
        await run.WaitAsync(Patience, Token);
        Assert.False(election.IsLeader);
    }

    [Fact]
    public async Task Lease_store_reports_lost_races_as_conflicts()
    {
        var store = new KubeLeaseStore(CoreResourceApis.Leases(Client), Namespace, "race");
        var spec = new V1LeaseSpec { HolderIdentity = "a", LeaseDurationSeconds = 5, RenewTime = DateTime.UtcNow };

        Assert.False((await store.CreateAsync(spec, Token)).Conflicted);
        Assert.True((await store.CreateAsync(spec, Token)).Conflicted);
        var read = (await store.GetAsync(Token))!;
        // A changed spec (an identical one would be a no-op update that keeps the resourceVersion).
        var renewal = new V1LeaseSpec { HolderIdentity = "a", LeaseDurationSeconds = 5, RenewTime = spec.RenewTime.Value.AddSeconds(1) };
        Assert.False((await store.ReplaceAsync(read, renewal, Token)).Conflicted);
        Assert.True((await store.ReplaceAsync(read, new V1LeaseSpec { HolderIdentity = "b" }, Token)).Conflicted);
        Assert.Equal("a", (await store.GetAsync(Token))!.Spec.HolderIdentity);
    }
}
