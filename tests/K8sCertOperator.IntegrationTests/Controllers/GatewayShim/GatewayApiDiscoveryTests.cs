using K8sCertOperator.Controllers.GatewayShim;
using K8sCertOperator.Controllers.IngressShim;
using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Controllers.Shims;
using K8sCertOperator.IntegrationTests.Fixtures.GatewayApi;
using K8sCertOperator.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.GatewayShim;

/// <summary>--gateway-api auto|on|off against an API server with and without the Gateway API CRDs.</summary>
public sealed class GatewayApiDiscoveryTests(ITestOutputHelper output)
{
    private const string MissingMessage = "does not serve gateway.networking.k8s.io/v1 Gateways";

    [SkippableFact]
    public async Task WithoutTheCrdsTheWholeOperatorStartsAndSaysSoOnce()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        var logs = new CapturedLogs();
        var production = OperatorComposition.Controllers(new OperatorOptions());
        await using var h = await ShimHarness.StartAsync(output, ct, controllers: production, prepare: SkipWhereGatewayApiIsInstalledAsync, extraLogs: logs);

        Assert.Null(h.Host.Context.Informers.Gateways);
        Assert.Null(h.Host.Context.Informers.ListenerSets);
        Assert.False(h.Host.Completion.IsCompleted, $"operator host ended: {h.Host.Completion.Exception}");
        var said = logs.Entries.Where(e => e.Contains(MissingMessage, StringComparison.Ordinal)).ToList();
        Assert.Single(said);
        Assert.StartsWith("Information ", said[0], StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task OnWithoutTheCrdsRefusesToStartSayingWhy()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => ShimHarness.StartAsync(output, ct,
            o => o with { GatewayApi = GatewayApiMode.On }, ShimHarness.GatewayControllers, SkipWhereGatewayApiIsInstalledAsync));

        Assert.Contains("--gateway-api=on", error.Message, StringComparison.Ordinal);
        Assert.Contains("install the Gateway API CRDs", error.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AutoStopsTheOperatorCleanlyOnceTheCrdsAreInstalledSoItsRestartTurnsTheShimOn()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        var logs = new CapturedLogs();
        // ingress-shim keeps the host busy: with no controller at all it would stop on its own.
        IReadOnlyList<K8sCertOperator.Controllers.IControllerRegistration> controllers = [new IngressShimControllerRegistration(), .. ShimHarness.GatewayControllers];
        await using var h = await ShimHarness.StartAsync(output, ct, o => o with { GatewayApiRecheckInterval = TimeSpan.FromMilliseconds(200) },
            controllers, SkipWhereGatewayApiIsInstalledAsync, logs);
        Assert.False(h.Host.Completion.IsCompleted, $"operator host ended: {h.Host.Completion.Exception}");
        Assert.Null(h.Host.Context.Informers.Gateways);

        await GatewayApiCrds.InstallMissingAsync(h.Env, ct);

        await h.Host.Completion.WaitAsync(ct);
        Assert.True(h.Host.StoppedForGatewayApi);
        Assert.Contains(logs.Entries, e => e.Contains("now serves the Gateway API", StringComparison.Ordinal));
    }

    [Fact]
    public async Task OffWatchesNoGatewayEvenWhereTheCrdsAreInstalled()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        var logs = new CapturedLogs();
        await using var h = await ShimHarness.StartAsync(output, ct, o => o with { GatewayApi = GatewayApiMode.Off }, ShimHarness.GatewayControllers,
            async (env, c) => await GatewayApiCrds.InstallMissingAsync(env, c), logs);

        Assert.Null(h.Host.Context.Informers.Gateways);
        Assert.Contains(logs.Entries, e => e.Contains("--gateway-api=off", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AutoWithTheCrdsWatchesGatewaysAndListenerSets()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await using var h = await ShimHarness.StartWithGatewayApiAsync(output, ct);

        Assert.NotNull(h.Host.Context.Informers.Gateways);
        Assert.NotNull(h.Host.Context.Informers.ListenerSets);
    }

    private static async Task SkipWhereGatewayApiIsInstalledAsync(KubeTestEnvironment env, CancellationToken ct) =>
        Skip.If(await GatewayApiCrds.ExistsAsync(env.Client, GatewayApiCrds.Names[0], ct),
            $"the {env.Tier} API server has the Gateway API CRDs installed; this test needs a cluster without them");
}
