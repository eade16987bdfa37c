namespace K8sCertOperator.TestSupport.CelCost;

/// <summary>The CEL type a schema node or an expression has, as far as cost estimation needs to tell them apart.</summary>
internal enum CelValueKind
{
    Object,
    List,
    Map,
    String,
    Bytes,
    Int,
    Uint,
    Double,
    Bool,
    Duration,
    Timestamp,
    Null,

    /// <summary>x-kubernetes-int-or-string.</summary>
    Dyn,
}
