using k8s.Models;

namespace K8sCertOperator.Kube.LeaderElection;

/// <summary>Outcome of a Lease write: the stored object, or a lost optimistic-concurrency race.</summary>
public sealed record LeaseWrite
{
    private LeaseWrite(V1Lease? lease) => Lease = lease;

    public static LeaseWrite Conflict { get; } = new((V1Lease?)null);

    /// <summary>The Lease as stored; null after a conflict.</summary>
    public V1Lease? Lease { get; }

    public bool Conflicted => Lease is null;

    public static LeaseWrite Written(V1Lease lease) => new(lease ?? throw new ArgumentNullException(nameof(lease)));
}
