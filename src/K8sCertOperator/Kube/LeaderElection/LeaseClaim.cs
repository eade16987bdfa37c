using k8s.Models;

namespace K8sCertOperator.Kube.LeaderElection;

/// <summary>
/// The decision of <see cref="LeaseClaimPolicy"/>: the spec to write (null for <see cref="LeaseClaimKind.HeldByOther"/>),
/// and for a Lease held by someone else, who and until when.
/// </summary>
public sealed record LeaseClaim(LeaseClaimKind Kind, V1LeaseSpec? Spec, string? Holder = null, DateTime? HeldUntil = null)
{
    public bool MayWrite => Kind != LeaseClaimKind.HeldByOther;
}
