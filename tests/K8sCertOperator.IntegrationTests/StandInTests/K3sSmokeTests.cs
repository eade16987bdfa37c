using k8s;
using k8s.Models;
using K8sCertOperator.IntegrationTests.Cluster;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>Smoke test of the k3s tier: CRDs apply, a namespace is created, a Secret round-trips. Skipped without Docker.</summary>
public sealed class K3sSmokeTests(K3sClusterFixture cluster, ITestOutputHelper output) : IClassFixture<K3sClusterFixture>
{
    [SkippableFact]
    public async Task K3s_applies_crds_and_round_trips_a_secret()
    {
        Skip.If(cluster.SkipReason is not null, cluster.SkipReason);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var env = await cluster.StartEnvironmentAsync(output, timeout.Token);
        Assert.True(env.IsRealCluster);

        await CrdManifests.ApplyAsync(env.Client, [TestCrds.Certificate()], waitEstablished: true, timeout.Token);
        var certificate = await env.Client.CustomObjects.CreateNamespacedCustomObjectAsync<TestCustomObject>(
            TestCustomObject.Certificate("smoke", env.Namespace), TestCrds.Group, TestCrds.Version, env.Namespace, TestCrds.Plural, cancellationToken: timeout.Token);
        Assert.Equal(1, certificate.Metadata.Generation);

        await env.Client.CoreV1.CreateNamespacedSecretAsync(
            new V1Secret { Metadata = new V1ObjectMeta { Name = "smoke" }, Data = new Dictionary<string, byte[]> { ["k"] = [7] } },
            env.Namespace, cancellationToken: timeout.Token);
        var read = await env.Client.CoreV1.ReadNamespacedSecretAsync("smoke", env.Namespace, cancellationToken: timeout.Token);
        Assert.Equal(new byte[] { 7 }, read.Data["k"]);
    }
}
