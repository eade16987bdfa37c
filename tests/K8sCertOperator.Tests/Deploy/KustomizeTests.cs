using K8sCertOperator.TestSupport;
using System.Text.Json.Nodes;

namespace K8sCertOperator.Tests.Deploy;

/// <summary>`kubectl kustomize config/default` renders the whole install, and the install is admissible.</summary>
public class KustomizeTests
{
    [SkippableFact]
    public async Task Default_overlay_renders_every_object_and_a_restricted_pod()
    {
        Skip.If(Kubectl.MissingReason != null, Kubectl.MissingReason);
        var (exit, stdout, stderr) = await Kubectl.RunAsync(CancellationToken.None, "kustomize", "config/default");
        Assert.True(exit == 0, stderr);
        var docs = YamlJson.ParseAll(stdout);

        var kinds = docs.GroupBy(d => d["kind"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(new Dictionary<string, int>
        {
            ["Namespace"] = 1, ["ServiceAccount"] = 1, ["ClusterRole"] = 1, ["ClusterRoleBinding"] = 1, ["Role"] = 1,
            ["RoleBinding"] = 1, ["Deployment"] = 1, ["Service"] = 2, ["CustomResourceDefinition"] = 6,
        }, kinds);

        var ns = docs.Single(d => d["kind"]!.GetValue<string>() == "Namespace");
        Assert.Equal("restricted", ns["metadata"]!["labels"]!["pod-security.kubernetes.io/enforce"]!.GetValue<string>());

        var deployment = Of(docs, "Deployment");
        DeploymentChecks.AssertOperatorWiring(deployment, "k8s-cert-operator-http01");
        DeploymentChecks.AssertServiceTargets(Named(docs, "Service", "k8s-cert-operator-http01"), deployment, 8089, "http01");
        DeploymentChecks.AssertServiceTargets(Named(docs, "Service", "k8s-cert-operator-metrics"), deployment, 9402, "metrics");

        // Both bindings grant to the Deployment's ServiceAccount.
        var sa = Of(docs, "ServiceAccount")["metadata"]!;
        Assert.Equal(sa["name"]!.GetValue<string>(), DeploymentChecks.PodSpec(deployment)["serviceAccountName"]!.GetValue<string>());
        foreach (var binding in docs.Where(d => d["kind"]!.GetValue<string>() is "ClusterRoleBinding" or "RoleBinding"))
        {
            var subject = Assert.Single(binding["subjects"]!.AsArray())!;
            Assert.Equal(sa["name"]!.GetValue<string>(), subject["name"]!.GetValue<string>());
            Assert.Equal(sa["namespace"]!.GetValue<string>(), subject["namespace"]!.GetValue<string>());
        }
        Assert.Equal(sa["namespace"]!.GetValue<string>(), Of(docs, "Role")["metadata"]!["namespace"]!.GetValue<string>());
    }

    private static JsonObject Of(IEnumerable<JsonObject> docs, string kind) => docs.Single(d => d["kind"]!.GetValue<string>() == kind);

    private static JsonObject Named(IEnumerable<JsonObject> docs, string kind, string name) =>
        docs.Single(d => d["kind"]!.GetValue<string>() == kind && d["metadata"]!["name"]!.GetValue<string>() == name);
}
