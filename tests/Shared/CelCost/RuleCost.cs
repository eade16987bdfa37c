using System.Globalization;

namespace K8sCertOperator.TestSupport.CelCost;

/// <summary>
/// One CEL expression of a CRD schema with the estimate kube-apiserver compares to its limits: the cost of one
/// evaluation times how many times it can run in one object (1 for a messageExpression, which is not multiplied).
/// </summary>
/// <param name="Path">Where the API server reports it, e.g. openAPIV3Schema.properties[spec].x-kubernetes-validations[0].rule.</param>
/// <param name="Unbounded">Some enclosing list or map has no maxItems/maxProperties, so the cardinality is the request-size guess.</param>
internal sealed record RuleCost(string Path, string Expression, ulong Cost, ulong Cardinality, bool Unbounded = false)
{
    public ulong Total => Cost == 0 ? 0 : SaturatingMath.Multiply(Cost, Cardinality);

    /// <summary>How far over <paramref name="limit"/> the total is, worded as the API server's error does (getCostErrorMessage).</summary>
    public string Factor(ulong limit) => FactorOf(Total, limit);

    public static string FactorOf(ulong cost, ulong limit)
    {
        var factor = (double)cost / limit;
        return factor switch
        {
            > 100 => "more than 100x",
            < 1.5 => factor.ToString("F6", CultureInfo.InvariantCulture) + "x",
            _ => factor.ToString("F1", CultureInfo.InvariantCulture) + "x",
        };
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Path}: cost {Cost} × cardinality {Cardinality} = {Total} ({Factor(CelCostLimits.StaticEstimatedCostLimit)} of the per-rule limit) «{Expression}»");
}
