using System.Text.Json.Nodes;

namespace K8sCertOperator.TestSupport.CelCost;

/// <summary>
/// Visits every x-kubernetes-validations rule of a CRD version's schema and prices it as apiextensions-apiserver
/// does when the CRD is written. Cardinality (pkg/apis/apiextensions/validation/cel_validation.go): the root is 1;
/// each child multiplies its parent's by 1 for an object, by maxItems for a list and by maxProperties for a map.
/// Once any enclosing list or map is unbounded, the rule's cardinality is instead how many of its node's smallest
/// JSON form fit in a request: 3 MiB / (min size + 1) (pkg/apiserver/schema/cel/compilation.go maxCardinality).
/// </summary>
internal static class CrdRuleCostWalker
{
    public static List<RuleCost> Walk(JsonObject openApiV3Schema)
    {
        var costs = new List<RuleCost>();
        Visit(openApiV3Schema, "openAPIV3Schema", 1, isRoot: true, costs);
        return costs;
    }

    /// <summary>The rules of every served version of a CustomResourceDefinition.</summary>
    public static List<RuleCost> WalkCrd(JsonObject crd)
    {
        var costs = new List<RuleCost>();
        foreach (var version in crd["spec"]!["versions"]!.AsArray())
        {
            if (version!["schema"]?["openAPIV3Schema"] is JsonObject schema)
            {
                costs.AddRange(Walk(schema).Select(c => c with { Path = $"spec.versions[{version["name"]}].schema.{c.Path}" }));
            }
        }

        return costs;
    }

    private static void Visit(JsonObject schema, string path, ulong? cardinality, bool isRoot, List<RuleCost> costs)
    {
        if (schema["x-kubernetes-validations"] is JsonArray rules && rules.Count > 0)
        {
            var type = CelValueTypeBuilder.Build(schema, isRoot)
                ?? throw new FormatException($"{path}: rules on a schema CEL cannot see (no type)");
            var times = cardinality ?? (ulong)(CelCostLimits.MaxRequestSizeBytes / (type.MinSerializedSize + 1));
            for (var i = 0; i < rules.Count; i++)
            {
                var rule = rules[i]!["rule"]!.GetValue<string>();
                costs.Add(new RuleCost($"{path}.x-kubernetes-validations[{i}].rule", rule, CelCostEstimator.Estimate(rule, type), times, cardinality == null));
                if (rules[i]!["messageExpression"]?.GetValue<string>() is { } message)
                {
                    costs.Add(new RuleCost($"{path}.x-kubernetes-validations[{i}].messageExpression", message, CelCostEstimator.Estimate(message, type), 1));
                }
            }
        }

        var childCardinality = cardinality is { } known && ElementsPerParent(schema) is { } factor
            ? SaturatingMath.Multiply(known, factor)
            : (ulong?)null;
        foreach (var (name, property) in schema["properties"] as JsonObject ?? [])
        {
            Visit((JsonObject)property!, $"{path}.properties[{name}]", childCardinality, isRoot: false, costs);
        }

        if (schema["items"] is JsonObject items)
        {
            Visit(items, $"{path}.items", childCardinality, isRoot: false, costs);
        }

        if (schema["additionalProperties"] is JsonObject values)
        {
            Visit(values, $"{path}.additionalProperties", childCardinality, isRoot: false, costs);
        }
    }

    /// <summary>extractMaxElements: how many children one value of this schema can have; null when unbounded.</summary>
    private static ulong? ElementsPerParent(JsonObject schema) => schema["type"]?.GetValue<string>() switch
    {
        "array" => Bound(schema["maxItems"]),
        "object" when schema["additionalProperties"] is JsonObject => Bound(schema["maxProperties"]),
        _ => 1,
    };

    private static ulong? Bound(JsonNode? limit) => limit == null ? null : (ulong)Math.Max(0, limit.GetValue<long>());
}
