using k8s.Models;

namespace K8sCertOperator.Kube.LeaderElection;

/// <summary>
/// Pure lease rules, as client-go's tryAcquireOrRenew: a candidate may take the Lease when it is absent, unheld,
/// expired (renewTime + leaseDurationSeconds &lt; now) or already its own, and leaseTransitions counts holder changes.
/// </summary>
public static class LeaseClaimPolicy
{
    /// <summary>May <paramref name="identity"/> take or renew <paramref name="current"/> (null: no Lease) at <paramref name="now"/>, and with what spec?</summary>
    public static LeaseClaim Decide(V1LeaseSpec? current, string identity, DateTime now, TimeSpan leaseDuration)
    {
        ArgumentException.ThrowIfNullOrEmpty(identity);
        var seconds = DurationSeconds(leaseDuration);
        var at = MicroTime(now);
        if (current is null)
        {
            return new LeaseClaim(LeaseClaimKind.Create, Spec(identity, acquired: at, renewed: at, seconds, transitions: 0, current));
        }

        var holder = current.HolderIdentity;
        if (holder == identity)
        {
            // Our own claim is renewed even if it lapsed: nobody else took it meanwhile, so we never stopped being the holder.
            var acquired = current.AcquireTime is { } a ? Utc(a) : at;
            return new LeaseClaim(LeaseClaimKind.Renew, Spec(identity, acquired, at, seconds, current.LeaseTransitions ?? 0, current), holder);
        }

        if (!string.IsNullOrEmpty(holder) && ExpiresAt(current, leaseDuration) is { } until && until >= Utc(now))
        {
            return new LeaseClaim(LeaseClaimKind.HeldByOther, null, holder, until);
        }

        return new LeaseClaim(LeaseClaimKind.TakeOver, Spec(identity, at, at, seconds, (current.LeaseTransitions ?? 0) + 1, current), holder);
    }

    /// <summary>
    /// The spec that hands <paramref name="current"/> back on a clean shutdown (client-go's ReleaseOnCancel): no holder
    /// and a one-second duration, so a standby takes it on its next try instead of waiting out the lease. Null when
    /// <paramref name="identity"/> no longer holds it (someone took it meanwhile: nothing to give back).
    /// </summary>
    public static V1LeaseSpec? Release(V1LeaseSpec? current, string identity, DateTime now)
    {
        ArgumentException.ThrowIfNullOrEmpty(identity);
        if (current?.HolderIdentity != identity)
        {
            return null;
        }
        var at = MicroTime(now);
        var released = Spec(identity, at, at, seconds: 1, current.LeaseTransitions ?? 0, current);
        released.HolderIdentity = null;
        return released;
    }

    /// <summary>
    /// When the holder's claim lapses: its renewTime plus its own leaseDurationSeconds (<paramref name="fallback"/> when
    /// it recorded none); null when it was never renewed, which counts as expired.
    /// </summary>
    public static DateTime? ExpiresAt(V1LeaseSpec spec, TimeSpan fallback)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (spec.RenewTime is not { } renewed)
        {
            return null;
        }

        var seconds = spec.LeaseDurationSeconds is int s and > 0 ? s : DurationSeconds(fallback);
        return Utc(renewed).AddSeconds(seconds);
    }

    /// <summary>A leader steps down when no renewal has succeeded for the renew deadline.</summary>
    public static bool RenewDeadlinePassed(DateTimeOffset lastRenewed, DateTimeOffset now, TimeSpan renewDeadline) =>
        now - lastRenewed >= renewDeadline;

    /// <summary>leaseDurationSeconds for a duration: whole seconds, rounded up, at least one.</summary>
    public static int DurationSeconds(TimeSpan leaseDuration) => Math.Max(1, (int)Math.Ceiling(leaseDuration.TotalSeconds));

    private static V1LeaseSpec Spec(string identity, DateTime acquired, DateTime renewed, int seconds, int transitions, V1LeaseSpec? current) => new()
    {
        HolderIdentity = identity,
        AcquireTime = acquired,
        RenewTime = renewed,
        LeaseDurationSeconds = seconds,
        LeaseTransitions = transitions,
        // Coordinated-election fields belong to whoever set them; a plain lease loop keeps them as they are.
        Strategy = current?.Strategy,
        PreferredHolder = current?.PreferredHolder,
    };

    // The API server keeps MicroTime (microseconds); writing what it will store keeps read-back values equal.
    private static DateTime MicroTime(DateTime time)
    {
        var utc = Utc(time);
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    // DateTime comparisons ignore Kind, so a deserialized local or unspecified time is pinned to UTC first.
    private static DateTime Utc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Local => time.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(time, DateTimeKind.Utc),
        _ => time,
    };
}
