using System.Text.Json.Nodes;
using Cel;
using k8s;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.StandIn.Validation;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>Every CEL rule in config/crd compiles and runs under the Cel library with Kubernetes' meaning.</summary>
public sealed class CelCoverageTests
{
    public static TheoryData<string, string> CrdRules()
    {
        var data = new TheoryData<string, string>();
        foreach (var crd in CrdManifests.Load(RepositoryRoot.CrdDirectory))
        {
            var schema = JsonNode.Parse(KubernetesJson.Serialize(crd.Spec.Versions[0].Schema.OpenAPIV3Schema))!;
            foreach (var rule in RulesIn(schema))
            {
                data.Add(crd.Metadata.Name, rule);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(CrdRules))]
    public void Rule_compiles_and_evaluates_on_an_empty_object_without_missing_functions(string crd, string rule)
    {
        var compiled = CelRule.Compile(new JsonObject { ["rule"] = rule });
        Assert.True(compiled.CompileError is null, $"{crd}: {compiled.CompileError}");
        var variables = new Dictionary<string, object?> { ["self"] = new Dictionary<string, object?>(), ["oldSelf"] = new Dictionary<string, object?>() };
        try
        {
            Assert.IsType<bool>(compiled.Program!.Invoke(variables));
        }
        catch (CelNoSuchFieldException)
        {
            // Reading a field the empty object lacks is a data error, not a missing function.
        }
    }

    [Theory]
    [InlineData("has(self.a)", true)]
    [InlineData("has(self.empty)", true)]
    [InlineData("has(self.none)", false)]
    [InlineData("has(self.inner.x) && !has(self.inner.y)", true)]
    [InlineData("(has(self.a) ? 1 : 0) + (has(self.empty) ? 1 : 0) == 2", true)]
    public void Has_means_key_presence_even_for_empty_values(string rule, bool expected)
    {
        var self = new Dictionary<string, object?>
        {
            ["a"] = 1L,
            ["empty"] = new Dictionary<string, object?>(),
            ["inner"] = new Dictionary<string, object?> { ["x"] = "" },
        };
        var compiled = CelRule.Compile(new JsonObject { ["rule"] = rule });
        Assert.Equal(expected, compiled.Program!.Invoke(new Dictionary<string, object?> { ["self"] = self }));
    }

    private static IEnumerable<string> RulesIn(JsonNode? node) => node switch
    {
        JsonObject map => (map["x-kubernetes-validations"] as JsonArray ?? []).Select(r => (string)r!["rule"]!)
            .Concat(map.Where(p => p.Key != "x-kubernetes-validations").SelectMany(p => RulesIn(p.Value))),
        JsonArray list => list.SelectMany(RulesIn),
        _ => [],
    };
}
