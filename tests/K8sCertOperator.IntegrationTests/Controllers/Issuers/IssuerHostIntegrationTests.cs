using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.Kube.LeaderElection;
using K8sCertOperator.Solvers.Dns01;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Issuers;

/// <summary>The issuer registrations inside the real host: informer events reach the reconcilers without help.</summary>
public sealed class IssuerHostIntegrationTests(PebbleFixture pebble, ITestOutputHelper output) : IClassFixture<PebbleFixture>
{
    [SkippableFact]
    public async Task Issuers_become_ready_through_the_host()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        var options = new OperatorOptions
        {
            Namespace = env.Namespace,
            WatchNamespace = env.Namespace,
            LeaderElection = false,
            Http01Listen = "",
            MetricsListen = "",
            HealthListen = "",
            Workers = 2,
        };
        var services = new OperatorServices
        {
            AcmeAccounts = (apis, informers, o, logs) => new AcmeAccountRegistry(apis, informers, o, logs),
            DnsProviders = () => new DnsProviderRegistry(),
            LeaderElection = (_, _, _) => new AlwaysLeader(),
        };
        IControllerRegistration[] controllers = [new IssuerControllerRegistration(), new ClusterIssuerControllerRegistration()];
        await using var host = await OperatorHost.StartAsync(options, env.Client, controllers, services, NullLoggerFactory.Instance, cts.Token);
        var apis = new OperatorApis(env.Client);

        await apis.Issuers.CreateAsync(new Issuer
        {
            Metadata = new() { Name = "ss", NamespaceProperty = env.Namespace },
            Spec = new IssuerSpec { SelfSigned = new K8sCertOperator.Api.SelfSignedIssuer() },
        }, cts.Token);
        await apis.Issuers.CreateAsync(new Issuer
        {
            Metadata = new() { Name = "acme", NamespaceProperty = env.Namespace },
            Spec = IssuerHarness.Acme(pebble.DirectoryUrl).CaBundle(pebble.TlsCaPem).Build(),
        }, cts.Token);

        foreach (var name in new[] { "ss", "acme" })
        {
            while (!ConditionSet.IsTrue((await apis.Issuers.GetAsync(env.Namespace, name, cts.Token))?.Status?.Conditions, ConditionTypes.Ready))
            {
                await Task.Delay(100, cts.Token);
            }
        }

        var lookup = await host.Context.AcmeAccounts.GetAsync(new ObjectReference { Name = "acme" }, env.Namespace, cts.Token);
        Assert.True(lookup.IsReady, lookup.NotReadyReason);
        var issuer = await apis.Issuers.GetAsync(env.Namespace, "acme", cts.Token);
        Assert.Equal(issuer!.Status!.Acme!.Uri, lookup.Client!.AccountUrl!.AbsoluteUri);
    }
}
