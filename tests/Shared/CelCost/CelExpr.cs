namespace K8sCertOperator.TestSupport.CelCost;

/// <summary>One node of a parsed CEL rule, just detailed enough to estimate its cost.</summary>
/// <param name="Name">Identifier, field, function or macro name; the literal's CEL type for literals.</param>
/// <param name="IterVar">The iteration variable of a comprehension.</param>
internal sealed record CelExpr(
    CelExprKind Kind,
    string Name,
    IReadOnlyList<CelExpr> Args,
    bool Member = false,
    ulong LiteralSize = 0,
    string? IterVar = null)
{
    public static CelExpr Literal(string type, ulong size) => new(CelExprKind.Literal, type, [], LiteralSize: size);

    public static CelExpr Call(string name, params CelExpr[] args) => new(CelExprKind.Call, name, args);
}
