namespace K8sCertOperator.TestSupport.CelCost;

/// <summary>
/// What apiserver's DeclType (pkg/cel/types.go) records about a schema node: its kind, the most elements it can hold
/// (characters of a string, items of a list, entries of a map; 0 for scalars and objects) and the fewest bytes it
/// takes in JSON.
/// </summary>
internal sealed record CelValueType(CelValueKind Kind, long MaxElements, long MinSerializedSize)
{
    public IReadOnlyDictionary<string, CelValueType> Fields { get; init; } = new Dictionary<string, CelValueType>();

    /// <summary>Item type of a list, value type of a map.</summary>
    public CelValueType? Element { get; init; }

    public static CelValueType Bool { get; } = new(CelValueKind.Bool, 0, CelCostLimits.MinBoolSize);

    public static CelValueType Int { get; } = new(CelValueKind.Int, 0, CelCostLimits.MinNumberSize);

    /// <summary>cel-go isScalar: values whose size() is always 1.</summary>
    public bool IsScalar => Kind is CelValueKind.Int or CelValueKind.Uint or CelValueKind.Double or CelValueKind.Bool
        or CelValueKind.Duration or CelValueKind.Timestamp;
}
