namespace K8sCertOperator.Pki;

/// <summary>One side (permitted or excluded) of a name constraints extension.</summary>
public sealed record NameConstraintSubtrees
{
    public IReadOnlyList<string> DnsDomains { get; init; } = [];

    /// <summary>CIDR ranges ("10.0.0.0/8", "fd00::/8").</summary>
    public IReadOnlyList<string> IpRanges { get; init; } = [];

    public IReadOnlyList<string> EmailAddresses { get; init; } = [];
    public IReadOnlyList<string> UriDomains { get; init; } = [];

    public bool IsEmpty => DnsDomains.Count + IpRanges.Count + EmailAddresses.Count + UriDomains.Count == 0;

    /// <summary>Value equality over the lists (records compare list references otherwise).</summary>
    public bool SameAs(NameConstraintSubtrees? other) =>
        other is not null
        && DnsDomains.SequenceEqual(other.DnsDomains)
        && IpRanges.SequenceEqual(other.IpRanges)
        && EmailAddresses.SequenceEqual(other.EmailAddresses)
        && UriDomains.SequenceEqual(other.UriDomains);
}
