namespace K8sCertOperator.TestSupport.CelCost;

/// <summary>
/// cel-go checker/cost.go functionCost for the operators and functions our rules may use. Calls without a special
/// case cost 1 plus their arguments; a result that is not a field path has size 1 when scalar, else unknown.
/// </summary>
internal static class CelCallCost
{
    private const ulong Call = 1;

    public static CelEstimate Estimate(string name, bool member, IReadOnlyList<CelEstimate> args)
    {
        var argCost = args.Aggregate(0UL, (sum, a) => SaturatingMath.Add(sum, a.Cost));
        switch (name)
        {
            case "_?_:_":
                var (ifTrue, ifFalse) = (args[1], args[2]);
                return new CelEstimate(SaturatingMath.Add(args[0].Cost, Math.Max(ifTrue.Cost, ifFalse.Cost)), ifTrue.Type, Math.Max(ifTrue.Size, ifFalse.Size));
            case "_&&_" or "_||_":
                return Scalar(argCost, CelValueType.Bool);
            case "!_":
                return Scalar(Call + argCost, CelValueType.Bool);
            case "-_":
                RequireNumber(name, args[0]);
                return Scalar(Call + argCost, args[0].Type);
            case "_==_" or "_!=_":
                RequireComparable(name, args[0]);
                RequireComparable(name, args[1]);
                return Scalar(SaturatingMath.Add(Traversal(Math.Min(args[0].Size, args[1].Size)), argCost), CelValueType.Bool);
            case "_<_" or "_<=_" or "_>_" or "_>=_":
                RequireComparable(name, args[0]);
                var ordering = IsText(args[0]) ? Traversal(Math.Min(args[0].Size, args[1].Size)) : Call;
                return Scalar(SaturatingMath.Add(ordering, argCost), CelValueType.Bool);
            case "_+_" when IsText(args[0]):
                var length = SaturatingMath.Add(args[0].Size, args[1].Size);
                return new CelEstimate(SaturatingMath.Add(Traversal(length), argCost), args[0].Type, length);
            case "_+_" when args[0].Type.Kind == CelValueKind.List:
                return new CelEstimate(Call + argCost, args[0].Type, SaturatingMath.Add(args[0].Size, args[1].Size));
            case "_+_" or "_-_" or "_*_" or "_/_" or "_%_":
                RequireNumber(name, args[0]);
                return Scalar(Call + argCost, args[0].Type);
            case "@in" when args[1].Type.Kind == CelValueKind.List:
                // containment in a list is charged once per item, even for a list of constants
                return Scalar(SaturatingMath.Add(args[1].Size, argCost), CelValueType.Bool);
            case "@in" when args[1].Type.Kind == CelValueKind.Map:
                return Scalar(Call + argCost, CelValueType.Bool);
            case "_[_]" when args[0].HasPath && args[0].Type.Kind is CelValueKind.List or CelValueKind.Map:
                var element = args[0].Type.Element!;
                return new CelEstimate(Call + argCost, element, (ulong)element.MaxElements, HasPath: true);
            case "size" when args.Count == 1:
                return Scalar(Call + argCost, CelValueType.Int);
            case "startsWith" or "endsWith" when member && IsText(args[0]):
                return Scalar(SaturatingMath.Add(Traversal(args[1].Size), argCost), CelValueType.Bool);
            case "contains" when member && IsText(args[0]):
                return Scalar(SaturatingMath.Add(SaturatingMath.Multiply(Traversal(args[0].Size), Traversal(args[1].Size)), argCost), CelValueType.Bool);
            case "matches" when member && IsText(args[0]):
                // (length + 1) traversals of the text times a quarter of the pattern length
                var text = Traversal(SaturatingMath.Add(args[0].Size, 1));
                var pattern = SaturatingMath.MultiplyByFactor(args[1].Size, CelCostLimits.RegexStringLengthCostFactor);
                return Scalar(SaturatingMath.Add(SaturatingMath.Multiply(text, pattern), argCost), CelValueType.Bool);
            default:
                throw new UnsupportedCelConstructException($"function or operator '{name}'" + (member ? " (member call)" : ""));
        }
    }

    private static CelEstimate Scalar(ulong cost, CelValueType type) => new(cost, type, 1);

    private static ulong Traversal(ulong size) => SaturatingMath.MultiplyByFactor(size, CelCostLimits.StringTraversalCostFactor);

    private static bool IsText(CelEstimate e) => e.Type.Kind is CelValueKind.String or CelValueKind.Bytes;

    private static void RequireComparable(string name, CelEstimate operand)
    {
        // Lists, maps and objects compare element by element; cel-go's size-based charge does not describe that.
        if (operand.Type.Kind is CelValueKind.List or CelValueKind.Map or CelValueKind.Object or CelValueKind.Dyn)
        {
            throw new UnsupportedCelConstructException($"'{name}' on a {operand.Type.Kind}");
        }
    }

    private static void RequireNumber(string name, CelEstimate operand)
    {
        if (operand.Type.Kind is not (CelValueKind.Int or CelValueKind.Uint or CelValueKind.Double or CelValueKind.Duration or CelValueKind.Timestamp))
        {
            throw new UnsupportedCelConstructException($"'{name}' on a {operand.Type.Kind}");
        }
    }
}
