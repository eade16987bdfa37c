using k8s;
using k8s.Models;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Fixtures.GatewayApi;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>
/// The installers of CRDs a real cluster may already run with (cert-manager's, the Gateway API's) leave the cluster's
/// own alone: on the stand-in a marked CRD plays the cluster's copy, and is still marked after the installer ran.
/// </summary>
public sealed class ClusterOwnedCrdsTests(ITestOutputHelper output)
{
    private const string Marker = "k8scert.io/test-installed-by";

    [SkippableFact]
    public async Task CertManagerCrdsOnARealClusterCreateOnlyTheMissingOnesAndReplaceOnTheStandIn()
    {
        var missing = CertManagerCrds.MissingReason();
        Skip.If(missing is not null, missing);
        SkipOnRealCluster();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        var reference = CrdManifests.Load(CertManagerCrds.Directory()!);
        var all = reference.Select(c => c.Metadata.Name).ToList();
        const string clusters = "certificates.cert-manager.io";
        await CreateMarkedAsync(env.Client, reference.Single(c => c.Metadata.Name == clusters), ct);

        var created = await CertManagerCrds.ApplyAsync(env.Client, realCluster: true, ct);

        Assert.Equal(all.Where(n => n != clusters).Order(), created.Order());
        Assert.Equal("the-cluster", await MarkerAsync(env.Client, clusters, ct));
        foreach (var name in all)
        {
            Assert.NotNull(await env.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(name, cancellationToken: ct));
        }

        // The stand-in is the test's own API server: there the reference copy replaces whatever is there.
        await CertManagerCrds.ApplyAsync(env.Client, realCluster: false, ct);
        Assert.Null(await MarkerAsync(env.Client, clusters, ct));
    }

    [SkippableFact]
    public async Task GatewayApiCrdsTheApiServerHasAreLeftAsTheyAre()
    {
        SkipOnRealCluster();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        var clusters = GatewayApiCrds.Names[0];
        await CreateMarkedAsync(env.Client, GatewayApiCrds.Load(GatewayApiCrds.MinimalDirectory).Single(c => c.Metadata.Name == clusters), ct);

        var created = await GatewayApiCrds.InstallMissingAsync(env, ct);

        Assert.Equal(GatewayApiCrds.Names.Where(n => n != clusters).Order(), created.Order());
        Assert.Equal("the-cluster", await MarkerAsync(env.Client, clusters, ct));
        Assert.Empty(await GatewayApiCrds.InstallMissingAsync(env, ct));
    }

    private static void SkipOnRealCluster() =>
        Skip.If(Environment.GetEnvironmentVariable(KubeTestEnvironment.KubeconfigVariable) is { Length: > 0 }, "installs and replaces CRDs: stand-in only");

    private static async Task CreateMarkedAsync(IKubernetes client, V1CustomResourceDefinition crd, CancellationToken ct)
    {
        crd.Metadata.Annotations = new Dictionary<string, string> { [Marker] = "the-cluster" };
        await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: ct);
    }

    private static async Task<string?> MarkerAsync(IKubernetes client, string name, CancellationToken ct)
    {
        var crd = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(name, cancellationToken: ct);
        return crd.Metadata.Annotations?.TryGetValue(Marker, out var value) == true ? value : null;
    }
}
