namespace K8sCertOperator.TestSupport.CelCost;

/// <summary>
/// cel-go's static cost estimate (checker/cost.go) of a rule against the type of the schema node it sits on, with the
/// sizes Kubernetes' estimator gives field paths (apiextensions-apiserver pkg/apiserver/schema/cel/compilation.go,
/// sizeEstimator: the node's MaxElements). Only the maximum is computed. Constructs outside the modelled subset throw
/// <see cref="UnsupportedCelConstructException"/>, so no rule is silently under-estimated.
/// </summary>
internal sealed class CelCostEstimator
{
    private readonly CelValueType self;
    private readonly Dictionary<string, CelValueType> iterationVariables = [];

    private CelCostEstimator(CelValueType self) => this.self = self;

    /// <summary>The worst-case cost of one evaluation of <paramref name="rule"/> with self of type <paramref name="self"/>.</summary>
    public static ulong Estimate(string rule, CelValueType self) => new CelCostEstimator(self).Visit(CelExprReader.Parse(rule)).Cost;

    private CelEstimate Visit(CelExpr e) => e.Kind switch
    {
        CelExprKind.Literal => Literal(e),
        CelExprKind.Ident => Ident(e),
        CelExprKind.Select => Select(e),
        CelExprKind.PresenceTest => PresenceTest(e),
        CelExprKind.List => ListLiteral(e),
        CelExprKind.Call => CelCallCost.Estimate(e.Name, e.Member, e.Args.Select(Visit).ToList()),
        CelExprKind.Comprehension => Comprehension(e),
        _ => throw new UnsupportedCelConstructException(e.Kind.ToString()),
    };

    private static CelEstimate Literal(CelExpr e)
    {
        var kind = e.Name switch
        {
            "string" => CelValueKind.String,
            "int" => CelValueKind.Int,
            "uint" => CelValueKind.Uint,
            "double" => CelValueKind.Double,
            "bool" => CelValueKind.Bool,
            _ => CelValueKind.Null,
        };
        return new CelEstimate(0, new CelValueType(kind, (long)e.LiteralSize, 1), e.LiteralSize);
    }

    private CelEstimate Ident(CelExpr e)
    {
        var type = e.Name switch
        {
            "self" or "oldSelf" => self,
            _ when iterationVariables.TryGetValue(e.Name, out var element) => element,
            _ => throw new UnsupportedCelConstructException($"identifier '{e.Name}'"),
        };
        return Path(CelCostLimits.SelectAndIdentCost, type);
    }

    private CelEstimate Select(CelExpr e)
    {
        var operand = Visit(e.Args[0]);
        return Path(SaturatingMath.Add(operand.Cost, CelCostLimits.SelectAndIdentCost), FieldType(operand, e.Name));
    }

    private CelEstimate PresenceTest(CelExpr e)
    {
        var operand = Visit(e.Args[0]);
        FieldType(operand, e.Name);
        return new CelEstimate(SaturatingMath.Add(operand.Cost, CelCostLimits.PresenceTestCost), CelValueType.Bool, 1);
    }

    private CelEstimate ListLiteral(CelExpr e)
    {
        var elements = e.Args.Select(Visit).ToList();
        var cost = elements.Aggregate(CelCostLimits.ListCreateBaseCost, (sum, x) => SaturatingMath.Add(sum, x.Cost));
        var type = new CelValueType(CelValueKind.List, elements.Count, 2) { Element = elements.FirstOrDefault()?.Type ?? CelValueType.Bool };
        return new CelEstimate(cost, type, (ulong)elements.Count);
    }

    /// <summary>The macro expansions of cel-go parser/macro.go, costed as checker/cost.go costs a comprehension.</summary>
    private CelEstimate Comprehension(CelExpr e)
    {
        var range = Visit(e.Args[0]);
        if (range.Type.Kind != CelValueKind.List || !range.HasPath)
        {
            throw new UnsupportedCelConstructException($"{e.Name}() over anything but a list field");
        }

        var variable = e.IterVar!;
        if (!iterationVariables.TryAdd(variable, range.Type.Element!))
        {
            throw new UnsupportedCelConstructException($"shadowed iteration variable '{variable}'");
        }

        var bodies = e.Args.Skip(1).Select(Visit).ToList();
        iterationVariables.Remove(variable);

        const ulong accumulator = CelCostLimits.SelectAndIdentCost;
        const ulong call = 1;
        // accumulator + [element]: the list append, the accumulator and a one-element list literal
        const ulong append = call + accumulator + CelCostLimits.ListCreateBaseCost;
        const ulong newList = CelCostLimits.ListCreateBaseCost;
        var body = bodies[0].Cost;
        // (accumulator init, loop condition, loop step, result) per macro
        (ulong Init, ulong Condition, ulong Step, ulong Result) parts = e.Name switch
        {
            // @not_strictly_false(accu), accu && p
            "all" => (0, call + accumulator, SaturatingMath.Add(accumulator, body), accumulator),
            // @not_strictly_false(!accu), accu || p
            "exists" => (0, call + call + accumulator, SaturatingMath.Add(accumulator, body), accumulator),
            // p ? accu + 1 : accu, then accu == 1
            "exists_one" => (0, 0, SaturatingMath.Add(body, call + accumulator), call + accumulator),
            // p ? accu + [x] : accu
            "filter" => (newList, 0, SaturatingMath.Add(body, append + CelCostLimits.SelectAndIdentCost), accumulator),
            // f ? accu + [g] : accu
            "map" when bodies.Count == 2 => (newList, 0, SaturatingMath.Add(body, SaturatingMath.Add(bodies[1].Cost, append)), accumulator),
            // accu + [g]
            "map" => (newList, 0, SaturatingMath.Add(body, append), accumulator),
            _ => throw new UnsupportedCelConstructException($"macro {e.Name}"),
        };

        var perElement = SaturatingMath.Add(parts.Condition, parts.Step);
        var cost = SaturatingMath.Add(SaturatingMath.Add(range.Cost, parts.Init), parts.Result);
        cost = SaturatingMath.Add(cost, SaturatingMath.Multiply(range.Size, perElement));
        return e.Name switch
        {
            "map" => new CelEstimate(cost, new CelValueType(CelValueKind.List, (long)Math.Min(range.Size, long.MaxValue), 2) { Element = bodies[^1].Type }, range.Size),
            "filter" => new CelEstimate(cost, range.Type, range.Size),
            _ => new CelEstimate(cost, CelValueType.Bool, 1),
        };
    }

    private static CelValueType FieldType(CelEstimate operand, string field)
    {
        if (!operand.HasPath)
        {
            throw new UnsupportedCelConstructException($"field '{field}' of a computed value");
        }

        return operand.Type.Kind switch
        {
            CelValueKind.Object => operand.Type.Fields.TryGetValue(field, out var type)
                ? type
                : throw new FormatException($"no such field '{field}' (the API server refuses the rule)"),
            CelValueKind.Map => operand.Type.Element!,
            _ => throw new UnsupportedCelConstructException($"field '{field}' of a {operand.Type.Kind}"),
        };
    }

    /// <summary>A field path from self: its size is the schema's MaxElements (0 for scalars and objects).</summary>
    private static CelEstimate Path(ulong cost, CelValueType type) => new(cost, type, (ulong)type.MaxElements, HasPath: true);
}
