namespace K8sCertOperator.TestSupport.CelCost;

/// <summary>
/// The estimate for one expression: its worst-case cost, its type, its largest size (characters, items or entries;
/// ulong.MaxValue when unknown) and whether it is a field path from self, whose size the schema gives.
/// </summary>
internal sealed record CelEstimate(ulong Cost, CelValueType Type, ulong Size, bool HasPath = false);
