namespace K8sCertOperator.TestSupport.CelCost;

/// <summary>
/// The numbers kube-apiserver uses when it estimates the cost of a CRD's CEL rules, each with the upstream file it
/// was read from (kubernetes/kubernetes staging/src/k8s.io/..., google/cel-go).
/// </summary>
internal static class CelCostLimits
{
    /// <summary>apiextensions-apiserver pkg/apis/apiextensions/validation/validation.go: per rule (cost × cardinality).</summary>
    public const ulong StaticEstimatedCostLimit = 10_000_000;

    /// <summary>Same file: the sum over every rule of one CRD version's schema.</summary>
    public const ulong StaticEstimatedCrdCostLimit = 100_000_000;

    /// <summary>apiserver pkg/cel/limits.go (MaxRequestSizeBytes, later DefaultMaxRequestSizeBytes): 3 MiB.</summary>
    public const long MaxRequestSizeBytes = 3 * 1024 * 1024;

    /// <summary>apiserver pkg/cel/limits.go: a JSON string is at least "" and a boolean at least true.</summary>
    public const long MinStringSize = 2;

    public const long MinBoolSize = 4;

    public const long MinNumberSize = 1;

    /// <summary>apiserver pkg/cel/limits.go: smallest and largest JSON forms of format duration/date/date-time strings.</summary>
    public const long MinDurationSizeJson = 3;

    public const long MaxDurationSizeJson = 32;

    public const long JsonDateSize = 12;

    public const long MinDatetimeSizeJson = 21;

    public const long MaxDatetimeSizeJson = 32;

    /// <summary>cel-go common/cost.go.</summary>
    public const ulong SelectAndIdentCost = 1;

    public const ulong ListCreateBaseCost = 10;

    public const double StringTraversalCostFactor = 0.1;

    public const double RegexStringLengthCostFactor = 0.25;

    /// <summary>
    /// Cost of the presence test in has(). cel-go's checker/cost.go charges 1 by default; Kubernetes 1.29+ sets it to 0
    /// (apiserver pkg/cel/environment/base.go, PresenceTestHasCost(false), added with cel-go v0.17.7). A v1.28 server
    /// charges 1: its refusal of the dns01 rule by exactly 1.258291x is 12 cost units × 1,048,576, which needs
    /// has(self.x) = 1 (presence) + 1 (self). Our minimum is 1.28, so the check charges the larger cost.
    /// </summary>
    public const ulong PresenceTestCost = 1;
}
