using System.Net;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Fixtures.GatewayApi;
using K8sCertOperator.IntegrationTests.Infrastructure;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.Shims.ShimHarness;

namespace K8sCertOperator.IntegrationTests.EndToEnd;

/// <summary>
/// The operator executable (the NativeAOT publish under test.sh) finds the Gateway API at start-up and turns an
/// annotated Gateway into a Ready Certificate: the Gateway models go through its source-generated JSON.
/// </summary>
public sealed class GatewayShimProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task OperatorProcessIssuesForAnAnnotatedGateway()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await GatewayApiCrds.InstallMissingAsync(env, ct);
        var health = FreePort.Next();
        await using var operatorProcess = OperatorProcess.Start(env.KubeconfigPath, env.Namespace, "127.0.0.1:0", health);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{health}") };
        await UntilAsync(async () => await OperatorProcess.StatusAsync(http, "/readyz", ct) == HttpStatusCode.OK, operatorProcess, "/readyz 200", ct);

        var apis = new OperatorApis(env.Client);
        await apis.Issuers.CreateAsync(new Issuer
        {
            Metadata = new V1ObjectMeta { Name = "self", NamespaceProperty = env.Namespace },
            Spec = new IssuerSpec { SelfSigned = new SelfSignedIssuer() },
        }, ct);
        await apis.Gateways.CreateAsync(NewGateway(env.Namespace, "edge", new Dictionary<string, string> { [AnnotationKeys.IngressIssuer] = "self" },
            HttpsListener("a", "a.example.com", "edge-tls"), HttpsListener("b", "b.example.com", "edge-tls")), ct);

        await UntilAsync(async () =>
        {
            var certificate = await apis.Certificates.GetAsync(env.Namespace, "edge-tls", ct);
            return ConditionSet.IsTrue(certificate?.Status?.Conditions, ConditionTypes.Ready);
        }, operatorProcess, "Certificate edge-tls Ready", ct);
        var issued = await apis.Certificates.GetAsync(env.Namespace, "edge-tls", ct);
        Assert.Equal(["a.example.com", "b.example.com"], issued!.Spec.DnsNames);
        Assert.Contains("Gateway API found", operatorProcess.Output, StringComparison.Ordinal);
    }

    private async Task UntilAsync(Func<Task<bool>> condition, ExternalProcess process, string what, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, ct);
        }

        output.WriteLine(process.Output);
        Assert.Fail($"{what} not reached; operator {(process.HasExited ? "exited" : "still running")}");
    }
}
