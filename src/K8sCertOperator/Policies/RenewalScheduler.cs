using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace K8sCertOperator.Policies;

/// <summary>
/// Decides when to requeue a Certificate for its renewal check: at the renewal time or, when earlier, at a point inside
/// an ARI window chosen from the Certificate's uid (so every replica picks the same point), never sooner than
/// <see cref="MinimumDelay"/> and never later than <see cref="MaximumDelay"/>.
/// </summary>
public static class RenewalScheduler
{
    /// <summary>Floor so a due or past renewal does not spin the work queue.</summary>
    public static readonly TimeSpan MinimumDelay = TimeSpan.FromSeconds(5);

    /// <summary>Cap so long-lived certificates are still re-checked daily (e.g. Secret edited, clock jumps).</summary>
    public static readonly TimeSpan MaximumDelay = TimeSpan.FromHours(24);

    /// <summary>Schedule from a Certificate's status (renewalTime, notAfter) and uid.</summary>
    public static RenewalSchedule Schedule(Api.CertificateStatus? status, DateTimeOffset now, string? uid, AriWindow? ariWindow = null) =>
        Schedule(
            status?.RenewalTime is { } renewal ? CertificatePolicies.AsUtc(renewal) : null,
            status?.NotAfter is { } notAfter ? CertificatePolicies.AsUtc(notAfter) : null,
            now,
            uid,
            ariWindow);

    public static RenewalSchedule Schedule(
        DateTimeOffset? renewalTime,
        DateTimeOffset? notAfter,
        DateTimeOffset now,
        string? uid,
        AriWindow? ariWindow = null)
    {
        var ariPoint = ariWindow is { } window && window.End > window.Start ? Cap(PointInWindow(window, uid), notAfter) : (DateTimeOffset?)null;
        // The re-issue chain renews at the renewal time whatever the CA suggests, so wake up at whichever comes first:
        // an ARI point past the renewal time must not delay it (cert-manager's renewBefore is kept), an earlier one
        // (the CA asking for an early renewal) brings it forward.
        var target = Cap(Earliest(renewalTime, ariPoint) ?? notAfter, notAfter);
        var delay = target is { } due ? due - now : MaximumDelay;
        delay = delay < MinimumDelay ? MinimumDelay : delay > MaximumDelay ? MaximumDelay : delay;
        return new RenewalSchedule(target, delay, ariPoint);
    }

    /// <summary>A point in [Start, End) fixed by a hash of <paramref name="uid"/>; Start for a missing uid.</summary>
    public static DateTimeOffset PointInWindow(AriWindow window, string? uid)
    {
        ArgumentNullException.ThrowIfNull(window);
        var length = window.End - window.Start;
        if (length <= TimeSpan.Zero || string.IsNullOrEmpty(uid))
        {
            return window.Start;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(uid), hash);
        var fraction = BinaryPrimitives.ReadUInt64BigEndian(hash) / 18446744073709551616.0; // 2^64: fraction in [0, 1)
        var offset = TimeSpan.FromTicks((long)(length.Ticks * fraction));
        return window.Start + (offset < length ? offset : length - TimeSpan.FromTicks(1));
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is { } x && b is { } y ? (x <= y ? x : y) : a ?? b;

    /// <summary>No later than expiry: a renewal time or ARI window past it (a server mistake) would leave the Secret expired.</summary>
    private static DateTimeOffset? Cap(DateTimeOffset? time, DateTimeOffset? notAfter) =>
        time is { } t && notAfter is { } expiry && t > expiry ? expiry : time;
}
