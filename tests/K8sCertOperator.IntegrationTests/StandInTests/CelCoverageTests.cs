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
        catch (CelException error) when (ReadsAMissingField(error))
        {
            // Reading a field the empty object lacks (a required one, say) is a data error, not a missing function;
            // the library reports it as such directly or wrapped by the operator that received the missing value.
        }
    }

    private static bool ReadsAMissingField(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
        {
            if (error is CelNoSuchFieldException || error.Message.Contains("CelNoSuchField", StringComparison.Ordinal))
            {
                return true;
            }
        }
        return false;
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

    public static TheoryData<string, string, string?, string[]> RuleCases() => new()
    {
        // rule entry (on spec), spec, old spec (null on create), expected errors
        { """{"rule":"self.a > 1"}""", """{"a":1}""", null, ["spec: Invalid value: \"object\": failed rule: self.a > 1"] },
        { """{"rule":"self.a > 1","message":"a must exceed 1"}""", """{"a":5}""", null, [] },
        { """{"rule":"self.a > 1","message":"a must exceed 1","fieldPath":".a"}""", """{"a":1}""", null, ["spec.a: Invalid value: \"object\": a must exceed 1"] },
        { """{"rule":"self.a > 1","message":"no","reason":"FieldValueForbidden"}""", """{"a":1}""", null, ["spec: Forbidden: no"] },
        { """{"rule":"self.a > 1","messageExpression":"'a is ' + string(self.a)"}""", """{"a":1}""", null, ["spec: Invalid value: \"object\": a is 1"] },
        { """{"rule":"self.missing == 1","message":"m"}""", """{"a":1}""", null, ["spec: Invalid value: \"object\": no such key: missing evaluating rule: m"] },
        { """{"rule":"self.a == oldSelf.a","message":"a is immutable"}""", """{"a":1}""", null, [] },
        { """{"rule":"self.a == oldSelf.a","message":"a is immutable"}""", """{"a":1}""", """{"a":1}""", [] },
        { """{"rule":"self.a == oldSelf.a","message":"a is immutable"}""", """{"a":2}""", """{"a":1}""", ["spec: Invalid value: \"object\": a is immutable"] },
    };

    [Theory]
    [MemberData(nameof(RuleCases))]
    public void Rules_report_as_apiextensions_does(string rule, string spec, string? oldSpec, string[] expected)
    {
        var schema = JsonNode.Parse(
            """{"type":"object","properties":{"spec":{"type":"object","x-kubernetes-validations":["""
            + rule
            + """],"properties":{"a":{"type":"integer"},"missing":{"type":"integer"}}}}}""")!.AsObject();
        var validator = CustomResourceValidator.For(schema)!;
        var old = oldSpec is null ? null : new JsonObject { ["spec"] = JsonNode.Parse(oldSpec) };
        var errors = validator.Admit(new JsonObject { ["spec"] = JsonNode.Parse(spec) }, old);
        Assert.Equal(expected, errors.Select(e => e.ToString()));
    }

    private static IEnumerable<string> RulesIn(JsonNode? node) => node switch
    {
        JsonObject map => (map["x-kubernetes-validations"] as JsonArray ?? []).Select(r => (string)r!["rule"]!)
            .Concat(map.Where(p => p.Key != "x-kubernetes-validations").SelectMany(p => RulesIn(p.Value))),
        JsonArray list => list.SelectMany(RulesIn),
        _ => [],
    };
}
