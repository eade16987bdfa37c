using System.Text.Json.Nodes;

using K8sCertOperator.TestSupport.CelCost;

namespace K8sCertOperator.Tests.Api.CelCost;

/// <summary>Cardinalities and the per-rule total as apiextensions-apiserver computes them.</summary>
public class CrdRuleCostWalkerTests
{
    private const string Dns01Rule =
        "(has(self.rfc2136) ? 1 : 0) + (has(self.cloudflare) ? 1 : 0) + (has(self.route53) ? 1 : 0) + (has(self.webhook) ? 1 : 0) == 1";

    /// <summary>The Issuer schema fragment as it was when kube-apiserver v1.28.7 refused it, with solvers' maxItems as given.</summary>
    private static JsonObject IssuerFragment(string solversBound) => (JsonObject)JsonNode.Parse("""
        {"type":"object","properties":{"spec":{"type":"object","properties":{"acme":{"type":"object",
          "required":["server","privateKeySecretRef"],
          "properties":{
            "server":{"type":"string"},
            "privateKeySecretRef":{"type":"object","required":["name"],"properties":{"name":{"type":"string"}}},
            "solvers":{"type":"array",SOLVERS_BOUND"items":{"type":"object",
              "properties":{"dns01":{"type":"object",
                "x-kubernetes-validations":[{"rule":"DNS01_RULE","message":"exactly one"}],
                "properties":{
                  "rfc2136":{"type":"object","required":["nameserver"],"properties":{"nameserver":{"type":"string"}}},
                  "cloudflare":{"type":"object","properties":{"email":{"type":"string"}}},
                  "route53":{"type":"object","properties":{"region":{"type":"string"}}},
                  "webhook":{"type":"object","required":["groupName","solverName"],
                    "properties":{"groupName":{"type":"string"},"solverName":{"type":"string"}}}}}}}}}}}}}}
        """.Replace("SOLVERS_BOUND", solversBound, StringComparison.Ordinal).Replace("DNS01_RULE", Dns01Rule, StringComparison.Ordinal))!;

    [Fact]
    public void UnboundedSolversReproduceTheFactorKubeApiserverReported()
    {
        var dns01 = Assert.Single(CrdRuleCostWalker.Walk(IssuerFragment("")));

        Assert.Equal(
            "openAPIV3Schema.properties[spec].properties[acme].properties[solvers].items.properties[dns01].x-kubernetes-validations[0].rule",
            dns01.Path);
        Assert.Equal(12UL, dns01.Cost);
        // 3 MiB / (2 bytes for {} + 1 comma): the dns01 object has no required field
        Assert.Equal(1_048_576UL, dns01.Cardinality);
        Assert.Equal(12_582_912UL, dns01.Total);
        Assert.Equal("1.258291x", dns01.Factor(CelCostLimits.StaticEstimatedCostLimit));
        Assert.True(dns01.Unbounded);
    }

    [Fact]
    public void BoundedSolversMultiplyByMaxItems()
    {
        var dns01 = Assert.Single(CrdRuleCostWalker.Walk(IssuerFragment("\"maxItems\":1000,")));

        Assert.Equal(1000UL, dns01.Cardinality);
        Assert.Equal(12_000UL, dns01.Total);
        Assert.False(dns01.Unbounded);
    }

    public static TheoryData<string, ulong> Cardinalities() => new()
    {
        // a rule on the root runs once
        { """{"type":"object","x-kubernetes-validations":[{"rule":"has(self.a)"}],"properties":{"a":{"type":"string"}}}""", 1 },
        // maxProperties × maxItems of the enclosing map and list
        {
            """
            {"type":"object","properties":{"m":{"type":"object","maxProperties":5,"additionalProperties":{"type":"array","maxItems":10,"items":
            {"type":"object","x-kubernetes-validations":[{"rule":"has(self.a)"}],"properties":{"a":{"type":"string"}}}}}}}
            """,
            50 },
        // unbounded list: 3 MiB / (min size + 1); the item needs {"name":""} = 2 + 4 + 2 + 4 = 12 bytes
        {
            """
            {"type":"object","properties":{"l":{"type":"array","items":{"type":"object","required":["name"],
            "x-kubernetes-validations":[{"rule":"has(self.name)"}],"properties":{"name":{"type":"string"}}}}}}
            """,
            241_979 },
        // a required field with a default does not count towards the minimum size
        {
            """
            {"type":"object","properties":{"l":{"type":"array","items":{"type":"object","required":["name"],
            "x-kubernetes-validations":[{"rule":"has(self.name)"}],"properties":{"name":{"type":"string","default":"x"}}}}}}
            """,
            1_048_576 },
        // a bounded list inside an unbounded map is still unbounded: the rule node's own size decides
        {
            """
            {"type":"object","properties":{"m":{"type":"object","additionalProperties":{"type":"array","maxItems":3,"items":
            {"type":"object","x-kubernetes-validations":[{"rule":"has(self.a)"}],"properties":{"a":{"type":"string"}}}}}}}
            """,
            1_048_576 },
        // maxItems 0: the rule can never run
        {
            """
            {"type":"object","properties":{"l":{"type":"array","maxItems":0,"items":
            {"type":"object","x-kubernetes-validations":[{"rule":"has(self.a)"}],"properties":{"a":{"type":"string"}}}}}}
            """,
            0 },
    };

    [Theory]
    [MemberData(nameof(Cardinalities))]
    public void CardinalityComesFromEveryEnclosingListAndMap(string schema, ulong expected)
    {
        var rule = Assert.Single(CrdRuleCostWalker.Walk((JsonObject)JsonNode.Parse(schema)!));

        Assert.Equal(expected, rule.Cardinality);
    }

    [Theory]
    [InlineData(12_582_912UL, "1.258291x")]
    [InlineData(15_000_000UL, "1.5x")]
    [InlineData(1_000_000_001UL, "more than 100x")]
    public void FactorIsWordedAsTheApiServerWordsIt(ulong total, string expected)
    {
        Assert.Equal(expected, RuleCost.FactorOf(total, CelCostLimits.StaticEstimatedCostLimit));
    }

    [Fact]
    public void MessageExpressionsCountOnceAndAreNotMultiplied()
    {
        var schema = (JsonObject)JsonNode.Parse("""
            {"type":"object","properties":{"l":{"type":"array","maxItems":10,"items":{"type":"object",
              "x-kubernetes-validations":[{"rule":"has(self.a)","messageExpression":"'bad ' + self.a"}],
              "properties":{"a":{"type":"string","maxLength":5}}}}}}
            """)!;

        var costs = CrdRuleCostWalker.Walk(schema);

        Assert.Equal([20UL, 5UL], costs.Select(c => c.Total));
        Assert.EndsWith(".messageExpression", costs[1].Path, StringComparison.Ordinal);
    }
}
