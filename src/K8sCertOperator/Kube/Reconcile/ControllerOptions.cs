namespace K8sCertOperator.Kube.Reconcile;

/// <summary>Settings of one controller runner. Immutable.</summary>
public sealed record ControllerOptions
{
    /// <summary>Name used in logs and metrics, e.g. "certificates-trigger".</summary>
    public required string Name { get; init; }

    /// <summary>Number of keys reconciled concurrently (never the same key twice at once).</summary>
    public int Workers { get; init; } = 2;
}
