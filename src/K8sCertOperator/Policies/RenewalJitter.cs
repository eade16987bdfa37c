using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace K8sCertOperator.Policies;

/// <summary>
/// Spreads renewals that would otherwise all fall due at once (many certificates issued together, a fleet
/// migrated in one apply): each certificate renews a fixed, hash-chosen time after its computed renewal time,
/// at most <see cref="Percent"/>% of its renewBefore and at most <see cref="Max"/>. The point depends only on the
/// Certificate's namespace/name and the leaf's serial, so every replica and every reconcile computes the same
/// time, status.renewalTime stays truthful, and a new certificate gets a new point.
/// </summary>
public sealed record RenewalJitter
{
    /// <summary>The largest share of renewBefore that jitter may use; it keeps at least half the window for retries.</summary>
    public const int MaxPercent = 50;

    public RenewalJitter(int percent, TimeSpan max)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, MaxPercent);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, TimeSpan.Zero);
        Percent = percent;
        Max = max;
    }

    /// <summary>No jitter: renew exactly at the computed renewal time.</summary>
    public static RenewalJitter None { get; } = new(0, TimeSpan.Zero);

    /// <summary>Up to 10% of renewBefore, capped at one hour.</summary>
    public static RenewalJitter Default { get; } = new(10, TimeSpan.FromHours(1));

    public int Percent { get; }

    public TimeSpan Max { get; }

    public bool IsEnabled => Percent > 0 && Max > TimeSpan.Zero;

    /// <summary>The stable identity the jitter is drawn from.</summary>
    public static string KeyFor(string? @namespace, string? name, string serialHex) => $"{@namespace}/{name}/{serialHex}";

    /// <summary>The largest offset for a renewal window of <paramref name="renewBefore"/>.</summary>
    public TimeSpan Bound(TimeSpan renewBefore)
    {
        if (!IsEnabled || renewBefore <= TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }
        var share = TimeSpan.FromTicks(renewBefore.Ticks / 100 * Percent);
        return share < Max ? share : Max;
    }

    /// <summary>A whole number of seconds in [0, Bound(renewBefore)], fixed by <paramref name="key"/>.</summary>
    public TimeSpan Offset(string key, TimeSpan renewBefore)
    {
        ArgumentNullException.ThrowIfNull(key);
        var bound = (long)Bound(renewBefore).TotalSeconds;
        if (bound <= 0)
        {
            return TimeSpan.Zero;
        }
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        var seconds = (long)(BinaryPrimitives.ReadUInt64BigEndian(hash) % (ulong)(bound + 1));
        return TimeSpan.FromSeconds(seconds);
    }

    /// <summary>
    /// <paramref name="renewalTime"/> moved later by this certificate's offset. The offset is a share of
    /// notAfter - renewalTime, so the result is always before expiry.
    /// </summary>
    public DateTimeOffset Apply(DateTimeOffset renewalTime, DateTimeOffset notAfter, string key) =>
        renewalTime + Offset(key, notAfter - renewalTime);
}
