using k8s;
using k8s.Models;
using K8sCertOperator.Cli;
using K8sCertOperator.Cli.Ops;
using K8sCertOperator.IntegrationTests.Cluster;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Cli.Ops;

/// <summary>`check api` against the stand-in API server with the repository's CRDs applied.</summary>
public sealed class CheckApiTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ReportsTheMissingOperatorUntilItsLeaseIsFresh()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        Assert.Empty(await ApiCheck.MissingCrdsAsync(env.Client, ct));

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        Assert.Equal(ExitCodes.Failed, await CheckCommand.RunAsync(env.Client, env.Namespace, "op", TimeSpan.Zero, TimeProvider.System, stdout, stderr, ct));
        Assert.Contains("Lease", stderr.ToString(), StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Timeout, await CheckCommand.RunAsync(env.Client, env.Namespace, "op", TimeSpan.FromSeconds(2), TimeProvider.System, stdout, stderr, ct));

        await env.Client.CoordinationV1.CreateNamespacedLeaseAsync(new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = "op", NamespaceProperty = env.Namespace },
            Spec = new V1LeaseSpec { HolderIdentity = "pod-a", LeaseDurationSeconds = 3600, RenewTime = DateTime.UtcNow },
        }, env.Namespace, cancellationToken: ct);

        Assert.Equal(ExitCodes.Ok, await CheckCommand.RunAsync(env.Client, env.Namespace, "op", TimeSpan.Zero, TimeProvider.System, stdout, stderr, ct));
        Assert.Contains("ready", stdout.ToString(), StringComparison.Ordinal);
    }
}
