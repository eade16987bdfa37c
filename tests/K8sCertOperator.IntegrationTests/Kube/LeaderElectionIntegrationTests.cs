using k8s;
using K8sCertOperator.IntegrationTests.StandIn;
using K8sCertOperator.Kube.LeaderElection;
using Microsoft.Extensions.Logging.Abstractions;

using K8sCertOperator.IntegrationTests.Cluster;

namespace K8sCertOperator.IntegrationTests.Kube;

/// <summary>Two replicas competing for one Lease on an API server.</summary>
public class LeaderElectionIntegrationTests
{
    private static LeaderElectionOptions Options(string ns, string identity) => new()
    {
        LeaseNamespace = ns,
        LeaseName = "runtime-test-leader",
        Identity = identity,
        LeaseDuration = TimeSpan.FromSeconds(2),
        RenewDeadline = TimeSpan.FromSeconds(1),
        RetryPeriod = TimeSpan.FromMilliseconds(200),
    };

    [Fact]
    public async Task OneLeaderAtATimeAndFailover()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var env = await KubeTestEnvironment.StartAsync(cts.Token);
        var a = new LeaseLeaderElection(env.Client, Options(env.Namespace, "replica-a"), NullLogger.Instance);
        var b = new LeaseLeaderElection(env.Client, Options(env.Namespace, "replica-b"), NullLogger.Instance);
        var aTermCancelled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using var stopA = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        using var stopB = CancellationTokenSource.CreateLinkedTokenSource(cts.Token);
        var runA = a.RunAsync(async t =>
        {
            try
            {
                await Task.Delay(Timeout.Infinite, t);
            }
            finally
            {
                aTermCancelled.TrySetResult();
            }
        }, stopA.Token);
        while (!a.IsLeader)
        {
            await Task.Delay(50, cts.Token);
        }

        var runB = b.RunAsync(t => Task.Delay(Timeout.Infinite, t), stopB.Token);
        await Task.Delay(500, cts.Token);
        Assert.False(b.IsLeader);

        await stopA.CancelAsync();
        await runA;
        await aTermCancelled.Task.WaitAsync(cts.Token);

        while (!b.IsLeader)
        {
            await Task.Delay(50, cts.Token);
        }

        var lease = await env.Client.CoordinationV1.ReadNamespacedLeaseAsync("runtime-test-leader", env.Namespace, cancellationToken: cts.Token);
        Assert.Equal("replica-b", lease.Spec.HolderIdentity);
        Assert.Equal(1, lease.Spec.LeaseTransitions);
        Assert.Equal(2, lease.Spec.LeaseDurationSeconds);
        Assert.NotNull(lease.Spec.AcquireTime);
        Assert.True(lease.Spec.RenewTime >= lease.Spec.AcquireTime);
        await stopB.CancelAsync();
        await runB;
    }
}
