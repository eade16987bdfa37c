using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace K8sCertOperator.Policies;

/// <summary>
/// Decides when to requeue a Certificate for its renewal check: at the renewal time, or at a point inside an
/// ARI window chosen from the Certificate's uid (so every replica picks the same point), never sooner than
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
        var target = ariWindow is { } window && window.End > window.Start
            ? PointInWindow(window, uid)
            : renewalTime ?? notAfter;
        if (target is { } t && notAfter is { } expiry && t > expiry)
        {
            // An ARI window past expiry is a server mistake; renewing late would leave the Secret expired.
            target = expiry;
        }

        var delay = target is { } due ? due - now : MaximumDelay;
        delay = delay < MinimumDelay ? MinimumDelay : delay > MaximumDelay ? MaximumDelay : delay;
        return new RenewalSchedule(target, delay);
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
}
