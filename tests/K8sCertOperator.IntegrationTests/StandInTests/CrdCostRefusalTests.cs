using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>
/// A CRD whose CEL rule kube-apiserver estimates over its per-rule budget is refused when it is written (the failure
/// a v1.28 server gave our Issuer CRDs before their lists were bounded); the same rule with bounds installs.
/// </summary>
public sealed class CrdCostRefusalTests : CrdSchemaTestBase
{
    private const string Group = "costcheck.k8scert-test.io";

    // A rule over an unbounded string in an unbounded list: far over budget on every Kubernetes version, whatever
    // each charges for has(); with maxItems and maxLength it is a few thousand units.
    private static V1CustomResourceDefinition Widgets(string plural, string kind, bool bounded)
    {
        var item = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["name"] = bounded ? new JsonObject { ["type"] = "string", ["maxLength"] = 63 } : new JsonObject { ["type"] = "string" } },
            ["x-kubernetes-validations"] = new JsonArray(new JsonObject { ["rule"] = "!has(self.name) || self.name.matches('^[a-z]+$')", ["message"] = "name must be lower-case letters" }),
        };
        var list = new JsonObject { ["type"] = "array", ["items"] = item };
        if (bounded)
        {
            list["maxItems"] = 10;
        }
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { ["spec"] = new JsonObject { ["type"] = "object", ["properties"] = new JsonObject { ["widgets"] = list } } },
        };
        var crd = TestCrds.Build(Group, plural, kind, "Namespaced");
        crd.Spec.Versions[0].Schema.OpenAPIV3Schema = KubernetesJson.Deserialize<V1JSONSchemaProps>(schema.ToJsonString());
        return crd;
    }

    [Fact]
    public async Task A_rule_over_the_cost_budget_is_refused_and_the_bounded_rule_installs()
    {
        var refused = await Refusal.StatusOfAsync(() => Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(Widgets("unboundeds", "Unbounded", bounded: false), cancellationToken: Token));
        Assert.Equal(("Invalid", 422), ((string?)refused["reason"], (int?)refused["code"]));
        Assert.Contains(
            "spec.validation.openAPIV3Schema.properties[spec].properties[widgets].items.x-kubernetes-validations[0].rule: Forbidden: " +
            "estimated rule cost exceeds budget by factor of more than 100x (try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)",
            (string?)refused["message"], StringComparison.Ordinal);
        Assert.StartsWith($"CustomResourceDefinition.apiextensions.k8s.io \"unboundeds.{Group}\" is invalid: ", (string?)refused["message"], StringComparison.Ordinal);

        var bounded = Widgets("boundeds", "Bounded", bounded: true);
        try
        {
            var created = await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(bounded, cancellationToken: Token);
            Assert.Equal(bounded.Metadata.Name, created.Metadata.Name);
        }
        finally
        {
            await Client.ApiextensionsV1.DeleteCustomResourceDefinitionAsync(bounded.Metadata.Name, cancellationToken: CancellationToken.None)
                .ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
