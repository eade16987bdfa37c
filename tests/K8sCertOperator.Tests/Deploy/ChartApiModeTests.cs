using K8sCertOperator.Api;

namespace K8sCertOperator.Tests.Deploy;

/// <summary>apiMode: the operator's flag, the ClusterRole's groups and read access to cert-manager's Lease follow it.</summary>
public sealed class ChartApiModeTests
{
    [Theory]
    [InlineData("k8scert", "k8scert.io", "acme.k8scert.io", 0)]
    [InlineData("cert-manager", "cert-manager.io", "acme.cert-manager.io", 1)]
    public void Api_mode_sets_the_flag_the_rbac_groups_and_the_lease_role(string mode, string certGroup, string acmeGroup, int expectedLeaseRoles)
    {
        var values = ChartFixture.DefaultValues;
        values["apiMode"] = mode;
        values["certManagerLease"]!["namespace"] = "cm-system";
        Assert.Empty(JsonSchemaSubset.Validate(System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(DeployFiles.Chart("values.schema.json")))!.AsObject(), values));

        var docs = ChartFixture.Render(values);

        var options = DeploymentChecks.ParseArgs(ChartFixture.Of(docs, "Deployment"));
        Assert.Equal(ApiFlavor.Find(mode), options.ApiMode);
        Assert.Equal(("cm-system", "cert-manager-controller"), (options.CertManagerLeaseNamespace, options.CertManagerLeaseName));
        var groups = ChartFixture.Of(docs, "ClusterRole")["rules"]!.AsArray()
            .SelectMany(r => r!["apiGroups"]!.AsArray().Select(g => g!.GetValue<string>())).ToHashSet(StringComparer.Ordinal);
        Assert.Contains(certGroup, groups);
        Assert.Contains(acmeGroup, groups);
        Assert.DoesNotContain(groups, g => g.EndsWith(".io", StringComparison.Ordinal) && g != certGroup && g != acmeGroup && !g.EndsWith("k8s.io", StringComparison.Ordinal));
        var leaseRoles = docs.Where(d => d["kind"]!.GetValue<string>() == "Role" && d["metadata"]!["namespace"]!.GetValue<string>() == "cm-system").ToList();
        Assert.Equal(expectedLeaseRoles, leaseRoles.Count);
        foreach (var role in leaseRoles)
        {
            var rule = Assert.Single(role["rules"]!.AsArray())!;
            Assert.Equal("cert-manager-controller", rule["resourceNames"]![0]!.GetValue<string>());
            Assert.Equal(["get"], rule["verbs"]!.AsArray().Select(v => v!.GetValue<string>()));
        }
    }
}
