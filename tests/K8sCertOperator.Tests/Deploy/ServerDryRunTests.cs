namespace K8sCertOperator.Tests.Deploy;

/// <summary>With a real cluster (K8SCERT_TEST_KUBECONFIG), the API server accepts config/default in a server-side dry run.</summary>
public class ServerDryRunTests
{
    [SkippableFact]
    public async Task Api_server_accepts_the_default_install()
    {
        var kubeconfig = Environment.GetEnvironmentVariable("K8SCERT_TEST_KUBECONFIG");
        Skip.If(string.IsNullOrEmpty(kubeconfig), "K8SCERT_TEST_KUBECONFIG is not set (no real cluster to dry-run against)");
        Skip.If(Kubectl.MissingReason != null, Kubectl.MissingReason);
        // A server-side dry run does not create the Namespace, so its namespaced objects would be
        // rejected as "namespace not found": create the (empty, idempotent) Namespace for real first.
        var ns = await Kubectl.RunAsync(CancellationToken.None, "--kubeconfig", kubeconfig!, "apply", "-f", "config/manager/namespace.yaml");
        Assert.True(ns.ExitCode == 0, ns.Stderr);
        var (exit, stdout, stderr) = await Kubectl.RunAsync(CancellationToken.None,
            "--kubeconfig", kubeconfig!, "apply", "--dry-run=server", "--server-side", "--field-manager=k8s-cert-operator-tests", "-k", "config/default");
        Assert.True(exit == 0, $"kubectl apply --dry-run=server failed:\n{stderr}\n{stdout}");
        Assert.Contains("deployment.apps/k8s-cert-operator", stdout, StringComparison.Ordinal);
    }
}
