using k8s.Models;

namespace K8sCertOperator.Kube.LeaderElection;

/// <summary>
/// The one Lease an election campaigns for. Writes are optimistic: a write that lost a race (the Lease was
/// created or changed by someone else since it was read) returns <see cref="LeaseWrite.Conflict"/> instead of throwing.
/// </summary>
public interface ILeaseStore
{
    /// <summary>"namespace/name", for logs.</summary>
    string Description { get; }

    /// <summary>The Lease, or null when it does not exist.</summary>
    Task<V1Lease?> GetAsync(CancellationToken cancellationToken);

    /// <summary>Creates the Lease with <paramref name="spec"/>; a conflict when it already exists.</summary>
    Task<LeaseWrite> CreateAsync(V1LeaseSpec spec, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the spec of <paramref name="current"/> (as read, with its resourceVersion as the precondition);
    /// a conflict when the Lease changed or vanished since.
    /// </summary>
    Task<LeaseWrite> ReplaceAsync(V1Lease current, V1LeaseSpec spec, CancellationToken cancellationToken);
}
