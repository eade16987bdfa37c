using Xunit.Abstractions;

using K8sCertOperator.TestSupport.CelCost;

namespace K8sCertOperator.Tests.Api.CelCost;

/// <summary>
/// Every CRD in the repository installs on kube-apiserver as far as CEL cost goes: each rule under the per-rule
/// limit and each version's rules together under the per-CRD limit, with tenfold headroom so that a new rule or a
/// slightly different estimator version does not tip it over.
/// </summary>
public class CrdCelCostTests(ITestOutputHelper output)
{
    private const ulong Headroom = 10;

    [Fact]
    public void FindsTheKustomizeAndChartCopiesOfEveryCrd()
    {
        var files = CrdFiles.All.Select(f => Path.GetRelativePath(RepoFiles.Root, f)).ToList();

        foreach (var name in Directory.GetFiles(RepoFiles.CrdDirectory, "*.yaml").Select(Path.GetFileName).Where(n => n != "kustomization.yaml"))
        {
            Assert.Contains(Path.Combine("config", "crd", name!), files);
            Assert.Contains(Path.Combine("charts", "k8s-cert-operator", "crds", name!), files);
        }
    }

    [Theory]
    [MemberData(nameof(CrdFiles.Relative), MemberType = typeof(CrdFiles))]
    public void EveryRuleAndTheCrdTotalAreWithinTheApiServerLimits(string file)
    {
        var costs = CrdRuleCostWalker.WalkCrd(CrdFiles.Load(file));
        foreach (var cost in costs)
        {
            output.WriteLine(cost.ToString());
        }

        var total = costs.Aggregate(0UL, (sum, c) => SaturatingMath.Add(sum, c.Total));
        output.WriteLine($"total {total} ({RuleCost.FactorOf(total, CelCostLimits.StaticEstimatedCrdCostLimit)} of the per-CRD limit)");

        var overLimit = costs.Where(c => c.Total > CelCostLimits.StaticEstimatedCostLimit).ToList();
        Assert.True(overLimit.Count == 0,
            $"{file}: estimated rule cost exceeds budget:\n" + string.Join("\n", overLimit));
        Assert.True(total <= CelCostLimits.StaticEstimatedCrdCostLimit,
            $"{file}: estimated rule cost total {total} exceeds budget by factor of {RuleCost.FactorOf(total, CelCostLimits.StaticEstimatedCrdCostLimit)}");

        var tight = costs.Where(c => c.Total > CelCostLimits.StaticEstimatedCostLimit / Headroom).ToList();
        Assert.True(tight.Count == 0, $"{file}: rules within {Headroom}x of the per-rule limit:\n" + string.Join("\n", tight));
        Assert.True(total <= CelCostLimits.StaticEstimatedCrdCostLimit / Headroom, $"{file}: total {total} within {Headroom}x of the per-CRD limit");
    }

    [Theory]
    [MemberData(nameof(CrdFiles.Relative), MemberType = typeof(CrdFiles))]
    public void EveryListAndMapAroundARuleDeclaresItsBound(string file)
    {
        var unbounded = CrdRuleCostWalker.WalkCrd(CrdFiles.Load(file)).Where(c => c.Unbounded).ToList();

        Assert.True(unbounded.Count == 0,
            $"{file}: rules under a list without maxItems or a map without maxProperties:\n" + string.Join("\n", unbounded));
    }

    [Theory]
    [InlineData("k8scert.io_issuers.yaml")]
    [InlineData("k8scert.io_clusterissuers.yaml")]
    public void TheEightIssuerRulesAreEstimated(string name)
    {
        var costs = CrdRuleCostWalker.WalkCrd(CrdFiles.Load(Path.Combine("config", "crd", name)));

        // spec, solver, http01 (ingress or gatewayHTTPRoute), http01.ingress, dns01, dns01.cloudflare,
        // dnsPersist01.provider, dnsPersist01.provider.cloudflare
        Assert.Equal(8, costs.Count);
        Assert.All(costs, c => Assert.True(c.Total <= CelCostLimits.StaticEstimatedCostLimit / Headroom, c.ToString()));
    }
}
