using System.Diagnostics;
using System.Net;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Kube.Client;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.EndToEnd;

/// <summary>
/// The README's main command as a real process: `k8s-cert-operator` with a kubeconfig, issuing
/// through a SelfSigned issuer, serving health and metrics, and exiting cleanly on SIGTERM.
/// </summary>
public sealed class OperatorProcessTests(ITestOutputHelper output)
{
    [Fact]
    public async Task OperatorProcessReconcilesServesHealthAndStopsOnSigterm()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        var health = FreePort.Next();
        await using var operatorProcess = OperatorProcess.Start(env.KubeconfigPath, env.Namespace, "127.0.0.1:0", health);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{health}") };
        await WaitUntilAsync(async () => await OperatorProcess.StatusAsync(http, "/readyz", ct) == HttpStatusCode.OK, operatorProcess, "/readyz 200", ct);
        await WaitUntilAsync(async () => (await http.GetStringAsync("/leader", ct)) == "leader", operatorProcess, "leadership", ct);

        var apis = new OperatorApis(env.Client);
        await apis.Issuers.CreateAsync(new Issuer
        {
            Metadata = new V1ObjectMeta { Name = "self", NamespaceProperty = env.Namespace },
            Spec = new IssuerSpec { SelfSigned = new SelfSignedIssuer() },
        }, ct);
        await apis.Certificates.CreateAsync(new Certificate
        {
            Metadata = new V1ObjectMeta { Name = "proc", NamespaceProperty = env.Namespace },
            Spec = new CertificateSpec
            {
                SecretName = "proc-tls",
                DnsNames = ["proc.example.com"],
                IssuerRef = new ObjectReference { Name = "self" },
            },
        }, ct);
        await WaitUntilAsync(async () =>
        {
            var certificate = await apis.Certificates.GetAsync(env.Namespace, "proc", ct);
            return ConditionSet.IsTrue(certificate?.Status?.Conditions, ConditionTypes.Ready);
        }, operatorProcess, "Certificate Ready", ct);
        var secret = await apis.Secrets.GetAsync(env.Namespace, "proc-tls", ct);
        Assert.Equal("kubernetes.io/tls", secret!.Type);
        Assert.Contains("k8scert_controller_sync_call_count", await http.GetStringAsync("/metrics", ct), StringComparison.Ordinal);

        using var term = Process.Start("kill", ["-TERM", operatorProcess.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await term!.WaitForExitAsync(ct);
        await WaitUntilAsync(() => Task.FromResult(operatorProcess.HasExited), null, "exit after SIGTERM", ct);
        Assert.Equal(0, operatorProcess.ExitCode);
        // A clean stop hands the Lease back, so a standby need not wait for it to expire.
        var lease = Assert.Single((await CoreResourceApis.Leases(env.Client).ListAsync(env.Namespace, null, ct)).Items);
        Assert.Null(lease.Spec.HolderIdentity);
        Assert.DoesNotContain("PRIVATE KEY", operatorProcess.Output, StringComparison.Ordinal);
    }

    private async Task WaitUntilAsync(Func<Task<bool>> condition, ExternalProcess? process, string what, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
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
            if (process is { HasExited: true })
            {
                break;
            }
            await Task.Delay(100, ct);
        }
        output.WriteLine(process?.Output ?? string.Empty);
        Assert.Fail($"{what} not reached; operator {(process is { HasExited: true } ? "exited" : "still running")}");
    }
}
