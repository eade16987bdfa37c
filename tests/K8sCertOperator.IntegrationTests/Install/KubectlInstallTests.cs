using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.TestSupport;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Install;

/// <summary>
/// The README's install commands, run by the real kubectl: `kubectl apply -k config/crd` installs the CRDs (on the
/// stand-in that means its schema, CEL-cost and CRD checks; on a real cluster the API server's) and the server-side
/// apply of config/default is accepted (a dry run on a real cluster, where only its empty Namespace is created).
/// </summary>
public sealed class KubectlInstallTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task The_readme_install_commands_are_accepted()
    {
        var missing = ExternalTool.MissingReason("kubectl", "kubectl");
        Skip.If(missing is not null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);

        var crds = await KubectlAsync(env, cts.Token, "apply", "-k", "config/crd");
        Assert.True(crds.ExitCode == 0, crds.Output);
        Assert.Contains("customresourcedefinition.apiextensions.k8s.io/issuers.k8scert.io", crds.Output, StringComparison.Ordinal);

        if (env.IsRealCluster)
        {
            // A server-side dry run does not create the Namespace, so its namespaced objects would be refused as
            // "namespace not found": the (empty, idempotent) Namespace is created for real first.
            var ns = await KubectlAsync(env, cts.Token, "apply", "-f", "config/manager/namespace.yaml");
            Assert.True(ns.ExitCode == 0, ns.Output);
        }
        string[] apply = ["apply", "--server-side", "--field-manager=k8s-cert-operator-tests", "-k", "config/default"];
        var all = await KubectlAsync(env, cts.Token, env.IsRealCluster ? [.. apply, "--dry-run=server"] : apply);
        Assert.True(all.ExitCode == 0, all.Output);
        Assert.Contains("deployment.apps/k8s-cert-operator", all.Output, StringComparison.Ordinal);
    }

    private async Task<(int ExitCode, string Output)> KubectlAsync(KubeTestEnvironment env, CancellationToken ct, params string[] args)
    {
        var result = await ToolRunner.RunAsync(ExternalTool.Find("kubectl")!, RepositoryRoot.Find(), ct, ["--kubeconfig", env.KubeconfigPath, .. args]);
        output.WriteLine($"kubectl {string.Join(' ', args)} -> {result.ExitCode}\n{result.Output}");
        return result;
    }
}
