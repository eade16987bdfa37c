namespace K8sCertOperator.Pki;

/// <summary>The names a CA certificate may sign for (RFC 5280 4.2.1.10).</summary>
public sealed record NameConstraints
{
    public bool Critical { get; init; }
    public NameConstraintSubtrees Permitted { get; init; } = new();
    public NameConstraintSubtrees Excluded { get; init; } = new();

    public bool IsEmpty => Permitted.IsEmpty && Excluded.IsEmpty;

    /// <summary>Value equality over every list.</summary>
    public bool SameAs(NameConstraints? other) =>
        other is not null && Critical == other.Critical && Permitted.SameAs(other.Permitted) && Excluded.SameAs(other.Excluded);
}
