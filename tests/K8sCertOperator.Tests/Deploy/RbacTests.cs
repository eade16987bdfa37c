using K8sCertOperator.TestSupport;
namespace K8sCertOperator.Tests.Deploy;

/// <summary>The granted RBAC equals what the code uses: nothing missing, nothing extra, no wildcards.</summary>
public class RbacTests
{
    // Not visible at a call site: owner references with blockOwnerDeletion (the API server checks
    // update on the owner's finalizers subresource).
    private static readonly Permission[] NotScannable =
    [
        new(Permission.Cluster, "k8scert.io", "certificates/finalizers", "update"),
        new(Permission.Cluster, "k8scert.io", "certificaterequests/finalizers", "update"),
        new(Permission.Cluster, "acme.k8scert.io", "orders/finalizers", "update"),
    ];

    [Fact]
    public void Granted_equals_used()
    {
        var granted = Granted();
        var missing = RbacUsage.Used.Except(granted).Select(p => p.ToString()).Order(StringComparer.Ordinal).ToList();
        var extra = granted.Except(RbacUsage.Used).Select(p => p.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "missing from config/rbac: " + string.Join(", ", missing));
        Assert.True(extra.Count == 0, "granted but never used: " + string.Join(", ", extra));
    }

    [Fact]
    public void No_wildcards()
    {
        foreach (var p in Granted())
        {
            Assert.DoesNotContain("*", p.Verb + p.Resource + p.Group, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Usage_table_matches_the_call_sites_in_src()
    {
        var scanned = RbacUsage.Scan(DeployFiles.Source);
        var untabled = scanned.Except(RbacUsage.Used).Select(p => p.ToString()).ToList();
        Assert.True(untabled.Count == 0, "called in src/ but missing from RbacUsage.Used: " + string.Join(", ", untabled));
        var unseen = RbacUsage.Used.Except(scanned).Except(NotScannable).Select(p => p.ToString()).ToList();
        Assert.True(unseen.Count == 0, "in RbacUsage.Used but no call site found in src/: " + string.Join(", ", unseen));
    }

    private static HashSet<Permission> Granted()
    {
        var granted = new HashSet<Permission>();
        foreach (var file in new[] { "cluster_role.yaml", "role.yaml" })
        {
            foreach (var doc in YamlJson.ParseAll(File.ReadAllText(DeployFiles.Config("rbac", file))))
            {
                if (doc["kind"]!.GetValue<string>() is "ClusterRole" or "Role")
                {
                    granted.UnionWith(RbacRules.Flatten(doc));
                }
            }
        }
        return granted;
    }
}
