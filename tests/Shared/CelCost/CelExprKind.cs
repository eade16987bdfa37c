namespace K8sCertOperator.TestSupport.CelCost;

/// <summary>The node kinds of <see cref="CelExpr"/>, after macro expansion as cel-go's parser does it.</summary>
internal enum CelExprKind
{
    /// <summary>A constant; <see cref="CelExpr.LiteralSize"/> is its CEL size (runes of a string, 1 for a scalar).</summary>
    Literal,

    Ident,

    /// <summary>Field selection; Args[0] is the operand.</summary>
    Select,

    /// <summary>has(operand.field); Args[0] is the operand.</summary>
    PresenceTest,

    /// <summary>Operator or function; Name is the cel-go name ("_+_", "size"), Args includes the target first when Member.</summary>
    Call,

    /// <summary>A list literal; Args are its elements.</summary>
    List,

    /// <summary>all/exists/exists_one/map/filter; Args[0] is the range, then the macro's expressions.</summary>
    Comprehension,
}
