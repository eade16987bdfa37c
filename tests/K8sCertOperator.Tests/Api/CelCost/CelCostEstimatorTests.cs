using System.Text.Json.Nodes;

using K8sCertOperator.TestSupport.CelCost;

namespace K8sCertOperator.Tests.Api.CelCost;

/// <summary>Costs worked out by hand from cel-go's checker/cost.go for the constructs our CRDs may use.</summary>
public class CelCostEstimatorTests
{
    private static readonly CelValueType Self = CelValueTypeBuilder.Build((JsonObject)JsonNode.Parse("""
        {"type":"object","properties":{
          "a":{"type":"string"},
          "b":{"type":"string"},
          "name":{"type":"string","maxLength":10},
          "n":{"type":"integer"},
          "names":{"type":"array","maxItems":5,"items":{"type":"string","maxLength":10}},
          "tags":{"type":"object","maxProperties":4,"additionalProperties":{"type":"string"}}}}
        """)!)!;

    public static TheoryData<string, ulong> Rules() => new()
    {
        // self (1) + presence test (1)
        { "has(self.a)", 2 },
        // ! (1) + && of two has()
        { "!(has(self.a) && has(self.b))", 5 },
        // bool equality: sizes 1 and 1 → ⌈0.1⌉
        { "has(self.a) != has(self.b)", 5 },
        // a ternary costs its condition plus its dearer branch; + and == cost 1 each
        { "(has(self.a) ? 1 : 0) + (has(self.b) ? 1 : 0) == 1", 6 },
        // list literal 10, self.n 2, `in` one per item
        { "self.n in [1, 2, 3]", 15 },
        { "size(self.names) > 0", 4 },
        // ⌈min(10 × 4 bytes, 3) × 0.1⌉ + self.name
        { "self.name == 'abc'", 3 },
        { "self.name.startsWith('ab')", 3 },
        // ⌈40 × 0.1⌉ × ⌈2 × 0.1⌉ + self.name
        { "self.name.contains('ab')", 6 },
        // ⌈(40 + 1) × 0.1⌉ × ⌈4 × 0.25⌉ + self.name
        { "self.name.matches('^a+$')", 7 },
        // a 21-character literal after escapes: ⌈2.1⌉ + self.name
        { @"self.name.startsWith('\u00e9\n0123456789abcdefghi')", 5 },
        { "self.n * 2 - 1 < 10", 5 },
        // unbounded a: ⌈(40 + 3,145,726) × 0.1⌉ + 4, then == against a 1-character literal
        { "self.name + self.a == 'x'", 314582 },
        // range 2 + result 1 + 5 × (condition 2 + step (1 + predicate 2))
        { "self.names.all(n, n.startsWith('x'))", 28 },
        // range 2 + result 1 + 5 × (condition 3 + step (1 + predicate 2))
        { "self.names.exists(n, n == 'x')", 33 },
        // range 2 + result 2 + 5 × (predicate 2 + 2)
        { "self.names.exists_one(n, n == 'x')", 24 },
        // range 2 + [] 10 + result 1 + 5 × (transform 6 + append 12), then size() and >
        { "self.names.map(n, n + 'x').size() > 0", 105 },
        // range 2 + [] 10 + result 1 + 5 × (predicate 2 + append 13), then size() and ==
        { "self.names.filter(n, n == 'x').size() == 0", 90 },
        // `in` on a map costs 1
        { "'k' in self.tags", 3 },
        { "self.tags['k'] == 'v'", 4 },
        { "oldSelf.n == self.n", 4 },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void EstimatesTheCostCelGoEstimates(string rule, ulong expected)
    {
        Assert.Equal(expected, CelCostEstimator.Estimate(rule, Self));
    }

    [Theory]
    [InlineData("self.a.lowerAscii() == 'x'")]
    [InlineData("quantity(self.a).isInteger()")]
    [InlineData("self.?a.hasValue()")]
    [InlineData("{'a': 1}.size() == 1")]
    [InlineData("self.tags.all(k, k == 'x')")]
    [InlineData("self.names == ['a']")]
    [InlineData("[1, 2].all(x, x > 0)")]
    [InlineData("other.a == 'x'")]
    public void RefusesWhatItDoesNotModel(string rule)
    {
        var error = Assert.Throws<UnsupportedCelConstructException>(() => CelCostEstimator.Estimate(rule, Self));
        Assert.StartsWith("unsupported construct", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAFieldTheSchemaDoesNotHave()
    {
        Assert.Throws<FormatException>(() => CelCostEstimator.Estimate("has(self.missing)", Self));
    }
}
