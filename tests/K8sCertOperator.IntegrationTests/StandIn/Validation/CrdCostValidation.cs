using System.Text.Json.Nodes;
using K8sCertOperator.TestSupport.CelCost;

namespace K8sCertOperator.IntegrationTests.StandIn.Validation;

/// <summary>
/// kube-apiserver refuses a CustomResourceDefinition whose CEL rules it estimates too expensive (apiextensions-apiserver
/// pkg/apis/apiextensions/validation): each rule's cost × cardinality against the per-rule limit, the sum against the
/// per-CRD limit. The estimate is the one the unit tests run over config/crd (tests/Shared/CelCost), so a CRD that
/// would not install on a real server does not install here either.
/// </summary>
internal static class CrdCostValidation
{
    private const string Advice = "(try simplifying the rule, or adding maxItems, maxProperties, and maxLength where arrays, maps, and strings are declared)";

    public static IEnumerable<FieldError> Validate(JsonObject crd)
    {
        var versions = (crd["spec"]?["versions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        var schemas = versions.Select(v => v["schema"]?["openAPIV3Schema"] as JsonObject).ToList();
        // The API server converts v1 CRDs to its internal form, where one schema shared by every version is
        // spec.validation and per-version schemas stay under spec.versions[i].schema: its error paths follow that.
        var shared = schemas.Count > 0 && schemas[0] is not null && schemas.All(s => s is not null && JsonNode.DeepEquals(s, schemas[0]));
        var targets = shared
            ? [("spec.validation.", schemas[0]!)]
            : schemas.Select((s, i) => ($"spec.versions[{i}].schema.", s)).Where(t => t.s is not null).Select(t => (t.Item1, t.s!)).ToList();
        foreach (var (prefix, schema) in targets)
        {
            List<RuleCost> costs;
            try
            {
                costs = CrdRuleCostWalker.Walk(schema);
            }
            catch (Exception unsupported) when (unsupported is UnsupportedCelConstructException or FormatException)
            {
                // Outside the estimator's subset: the stand-in cannot judge it (the unit tests keep config/crd inside).
                continue;
            }
            foreach (var rule in costs.Where(c => c.Total > CelCostLimits.StaticEstimatedCostLimit))
            {
                yield return FieldError.Forbidden(prefix + rule.Path,
                    $"estimated rule cost exceeds budget by factor of {rule.Factor(CelCostLimits.StaticEstimatedCostLimit)} {Advice}");
            }
            var total = costs.Aggregate(0UL, (sum, c) => SaturatingMath.Add(sum, c.Total));
            if (total > CelCostLimits.StaticEstimatedCrdCostLimit)
            {
                yield return FieldError.Forbidden(prefix + "openAPIV3Schema",
                    $"x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema exceeds budget by factor of {RuleCost.FactorOf(total, CelCostLimits.StaticEstimatedCrdCostLimit)} {Advice}");
            }
        }
    }
}
