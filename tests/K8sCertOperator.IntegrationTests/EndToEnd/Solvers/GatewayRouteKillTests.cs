using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Controllers;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Controllers.Issuers;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Fixtures.GatewayApi;
using K8sCertOperator.IntegrationTests.Harness;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Solvers.Http01;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.EndToEnd.Solvers;

/// <summary>
/// The operator process is SIGKILLed (no shutdown code runs) while a gatewayHTTPRoute challenge is presented; the
/// HTTPRoute it made stays behind, and the next operator process finishes the certificate and leaves no route.
/// </summary>
public sealed class GatewayRouteKillTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [SkippableFact]
    public async Task Http_route_of_a_killed_operator_is_gone_once_the_next_one_issues()
    {
        var missing = ExternalTool.MissingReason("pebble", "pebble") ?? ExternalTool.MissingReason("pebble-challtestsrv", "pebble");
        Skip.If(missing is not null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var pebble = await PebbleFixture.StartAsync(new PebbleOptions { StartHttp01Responder = false }, ct);
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await GatewayApiCrds.InstallMissingAsync(env, output, ct);
        var apis = new OperatorApis(env.Client);
        var monitoring = FreePort.Next();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{monitoring}"), Timeout = TimeSpan.FromSeconds(5) };
        await apis.Issuers.CreateAsync(new Issuer
        {
            Metadata = new V1ObjectMeta { Name = "pebble", NamespaceProperty = env.Namespace },
            Spec = AcmeIssuerBuilder.ForPebble(pebble, "pebble-account").Email("gwkill@example.com")
                .Solvers(ChallengeSolvers.Http01GatewayRoute(new ParentReference { Name = "public" })).Build(),
        }, ct);

        // The first process checks the URL itself before accepting; a .test name never resolves (RFC 6761), so it
        // presents and then waits, and is killed there.
        await using (var first = OperatorProcess.Start(env.KubeconfigPath, env.Namespace, $"127.0.0.1:{FreePort.Next()}", monitoring, "--http01-self-check", "true"))
        {
            await apis.Certificates.CreateAsync(TestCertificates.New(env.Namespace, "gwkill", "pebble", ["gwkill.k8scert.test"]), ct);
            await WaitForAsync(async () => (await apis.Challenges.ListAsync(env.Namespace, null, ct)).Items.Any(c => c.Status?.Presented == true)
                && (await RoutesAsync(apis, env.Namespace, ct)).Count == 1, first, "a presented Challenge with its HTTPRoute", ct);
            await first.KillAsync();
        }
        var leftBehind = Assert.Single(await RoutesAsync(apis, env.Namespace, ct));
        output.WriteLine($"left behind by the killed process: HTTPRoute {leftBehind}");

        await using var second = OperatorProcess.Start(env.KubeconfigPath, env.Namespace, $"127.0.0.1:{pebble.HttpPort}", monitoring, "--http01-self-check", "false");
        await WaitForAsync(async () => ConditionSet.IsTrue((await apis.Certificates.GetAsync(env.Namespace, "gwkill", ct))?.Status?.Conditions, ConditionTypes.Ready),
            second, "Certificate gwkill Ready", ct);
        await WaitForAsync(async () => (await RoutesAsync(apis, env.Namespace, ct)).Count == 0, second, "no solver HTTPRoute left", ct);
        Assert.False(second.HasExited, "the second operator process exited");
    }

    private static async Task<IReadOnlyList<string>> RoutesAsync(OperatorApis apis, string ns, CancellationToken ct) =>
        [.. (await apis.HttpRoutes.ListAsync(ns, ChallengeSolverMetadata.LabelSelectorForAll(), ct)).Items.Select(r => r.Metadata.Name)];

    private async Task WaitForAsync(Func<Task<bool>> condition, ExternalProcess process, string what, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(200, ct);
        }
        output.WriteLine(process.Output.Length > 20_000 ? process.Output[^20_000..] : process.Output);
        Assert.Fail($"{what} not reached within {Patience}; operator {(process.HasExited ? $"exited with {process.ExitCode}" : "still running")}");
    }
}
