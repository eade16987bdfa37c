using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>
/// CEL transition rules (oldSelf) and messageExpression, on a test CRD because no CRD in config/crd uses them:
/// a transition rule runs on update only, and a messageExpression's result replaces the message.
/// </summary>
public sealed class TransitionRuleTests : StandInTestBase
{
    private const string Group = "rules.k8scert.io";

    public static V1CustomResourceDefinition Widgets()
    {
        var crd = TestCrds.Build(Group, "widgets", "Widget", "Namespaced");
        crd.Spec.Versions[0].Schema.OpenAPIV3Schema = new V1JSONSchemaProps
        {
            Type = "object",
            Properties = new Dictionary<string, V1JSONSchemaProps>
            {
                ["spec"] = new()
                {
                    Type = "object",
                    Properties = new Dictionary<string, V1JSONSchemaProps>
                    {
                        ["zone"] = new()
                        {
                            Type = "string",
                            XKubernetesValidations = [new V1ValidationRule { Rule = "self == oldSelf", Message = "zone is immutable" }],
                        },
                        ["size"] = new()
                        {
                            Type = "integer",
                            XKubernetesValidations = [new V1ValidationRule { Rule = "self <= 10", MessageExpression = "'size ' + string(self) + ' is over 10'" }],
                        },
                    },
                },
            },
        };
        return crd;
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await Client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(Widgets(), cancellationToken: Token);
    }

    private static JsonObject Widget(string zone, int size) => new()
    {
        ["apiVersion"] = Group + "/v1",
        ["kind"] = "Widget",
        ["metadata"] = new JsonObject { ["name"] = "w" },
        ["spec"] = new JsonObject { ["zone"] = zone, ["size"] = size },
    };

    [Fact]
    public async Task Transition_rule_passes_on_create_and_refuses_a_change_on_update()
    {
        var created = await Client.CustomObjects.CreateNamespacedCustomObjectAsync(Widget("eu", 1), Group, "v1", Namespace, "widgets", cancellationToken: Token);
        var stored = JsonNode.Parse(k8s.KubernetesJson.Serialize(created))!.AsObject();

        var sameZone = Widget("eu", 2);
        sameZone["metadata"]!["resourceVersion"] = (string?)stored["metadata"]!["resourceVersion"];
        var replaced = await Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(sameZone, Group, "v1", Namespace, "widgets", "w", cancellationToken: Token);
        var current = JsonNode.Parse(k8s.KubernetesJson.Serialize(replaced))!.AsObject();

        var moved = Widget("us", 2);
        moved["metadata"]!["resourceVersion"] = (string?)current["metadata"]!["resourceVersion"];
        await Refusal.InvalidAsync(
            () => Client.CustomObjects.ReplaceNamespacedCustomObjectAsync(moved, Group, "v1", Namespace, "widgets", "w", cancellationToken: Token),
            "Widget.rules.k8scert.io \"w\" is invalid: spec.zone: Invalid value: \"string\": zone is immutable");
    }

    [Fact]
    public async Task Message_expression_result_is_the_error_detail()
    {
        await Refusal.InvalidAsync(
            () => Client.CustomObjects.CreateNamespacedCustomObjectAsync(Widget("eu", 11), Group, "v1", Namespace, "widgets", cancellationToken: Token),
            "Widget.rules.k8scert.io \"w\" is invalid: spec.size: Invalid value: \"integer\": size 11 is over 10");
    }
}
