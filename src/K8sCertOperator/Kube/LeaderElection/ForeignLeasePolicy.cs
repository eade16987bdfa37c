using k8s.Models;

namespace K8sCertOperator.Kube.LeaderElection;

/// <summary>
/// Pure rule: is another controller's Lease held at <c>now</c>? Held when it names a holder whose renewTime plus
/// leaseDurationSeconds lies ahead, the same test <see cref="LeaseClaimPolicy"/> applies before taking a Lease over.
/// </summary>
public static class ForeignLeasePolicy
{
    /// <summary>cert-manager's controller lease duration (--leader-election-lease-duration), used when the Lease records none.</summary>
    public static TimeSpan DefaultLeaseDuration { get; } = TimeSpan.FromSeconds(60);

    public static ForeignLeaseVerdict Decide(V1Lease? lease, DateTime now)
    {
        var spec = lease?.Spec;
        if (lease is null)
        {
            return new ForeignLeaseVerdict(false, "no Lease");
        }

        if (string.IsNullOrEmpty(spec?.HolderIdentity))
        {
            return new ForeignLeaseVerdict(false, "released (no holder)");
        }

        if (LeaseClaimPolicy.ExpiresAt(spec, DefaultLeaseDuration) is not { } until)
        {
            return new ForeignLeaseVerdict(false, "never renewed", spec.HolderIdentity);
        }

        return until >= now.ToUniversalTime()
            ? new ForeignLeaseVerdict(true, "held", spec.HolderIdentity, until)
            : new ForeignLeaseVerdict(false, "expired", spec.HolderIdentity, until);
    }
}
