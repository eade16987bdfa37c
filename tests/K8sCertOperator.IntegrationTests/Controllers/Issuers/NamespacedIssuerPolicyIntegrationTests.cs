using System.Net;
using System.Net.Sockets;
using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.Policies;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Issuers;

/// <summary>
/// --restrict-namespaced-issuers against a real Pebble on loopback: a namespaced Issuer of it is refused
/// (ServerNotAllowed, an Event, no request, no account key made), a ClusterIssuer of the same server registers.
/// </summary>
public sealed class NamespacedIssuerPolicyIntegrationTests(PebbleFixture pebble, ITestOutputHelper output) : IClassFixture<PebbleFixture>
{
    private static readonly Func<Hosting.OperatorOptions, Hosting.OperatorOptions> Restricted =
        o => o with { NamespacedIssuers = new NamespacedIssuerRestrictions { Enabled = true } };

    [SkippableFact]
    public async Task A_namespaced_issuer_of_a_loopback_server_is_refused_and_a_cluster_issuer_is_not()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        await using var harness = await IssuerHarness.StartAsync(env, cts.Token, Restricted);
        var spec = IssuerHarness.Acme(pebble.DirectoryUrl).CaBundle(pebble.TlsCaPem).KeySecret("tenant-key").Build();
        await harness.CreateIssuerAsync("tenant", spec, cts.Token);

        var result = await harness.ReconcileIssuerAsync("tenant", cts.Token);

        Assert.False(result.IsSuccess);
        var ready = ConditionSet.Find((await harness.GetIssuerAsync("tenant", cts.Token)).Status?.Conditions, ConditionTypes.Ready);
        output.WriteLine(ready?.Message);
        Assert.Equal(ConditionStatus.False, ready?.Status);
        Assert.Equal(ConditionReasons.ServerNotAllowed, ready?.Reason);
        Assert.Contains("loopback", ready?.Message, StringComparison.Ordinal);
        Assert.Contains(await harness.EventsForAsync("tenant", cts.Token), e => e.Type == "Warning" && e.Reason == ConditionReasons.ServerNotAllowed);
        Assert.Null(await harness.Apis.Secrets.GetAsync(env.Namespace, "tenant-key", cts.Token));

        var name = "admin-" + env.Namespace;
        await harness.CreateClusterIssuerAsync(name, IssuerHarness.Acme(pebble.DirectoryUrl).CaBundle(pebble.TlsCaPem).KeySecret("admin-key").Build(), cts.Token);
        try
        {
            var clusterResult = await harness.ReconcileClusterIssuerAsync(name, cts.Token);

            Assert.True(clusterResult.IsSuccess, clusterResult.Reason);
            var clusterIssuer = await harness.Apis.ClusterIssuers.GetAsync(null, name, cts.Token);
            Assert.True(ConditionSet.IsTrue(clusterIssuer!.Status?.Conditions, ConditionTypes.Ready));
        }
        finally
        {
            await harness.Apis.ClusterIssuers.DeleteAsync(null, name, CancellationToken.None);
        }
    }

    [SkippableFact]
    public async Task No_connection_is_made_for_a_refused_issuer_and_skip_tls_verify_is_refused()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        await using var harness = await IssuerHarness.StartAsync(env, cts.Token, Restricted);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        await harness.CreateIssuerAsync("internal", IssuerHarness.Acme(new Uri($"http://127.0.0.1:{port}/dir")).Build(), cts.Token);
        var insecure = IssuerHarness.Acme(pebble.DirectoryUrl).KeySecret("insecure-key").Build();
        insecure.Acme!.SkipTlsVerify = true;
        await harness.CreateIssuerAsync("insecure", insecure, cts.Token);

        await harness.ReconcileIssuerAsync("internal", cts.Token);
        await harness.ReconcileIssuerAsync("insecure", cts.Token);

        Assert.False(listener.Pending());
        foreach (var (name, fragment) in new[] { ("internal", "loopback"), ("insecure", "skipTLSVerify") })
        {
            var ready = ConditionSet.Find((await harness.GetIssuerAsync(name, cts.Token)).Status?.Conditions, ConditionTypes.Ready);
            Assert.Equal(ConditionReasons.ServerNotAllowed, ready?.Reason);
            Assert.Contains(fragment, ready?.Message, StringComparison.Ordinal);
        }
    }
}
