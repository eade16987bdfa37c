using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Cli.Standalone.Renew;

/// <summary>
/// Whether `certify renew` renews now, checked in order: no usable certificate, other names asked for, expired,
/// then the CA's ARI suggested window (RFC 9773 §4.2) when it gave a sound one, else two thirds of the lifetime
/// (cert-manager's default, <see cref="RenewalTimeCalculator"/>). Inside an ARI window each certificate renews at
/// its own point, fixed by its serial: runs from cron agree with each other instead of drawing a new random time
/// every run, and a fleet issued together still spreads over the window as the RFC asks.
/// </summary>
public static class CertifyRenewalPolicy
{
    public static RenewalDecision Decide(RenewalCheck check)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (check.Current is not { } current)
        {
            return RenewalDecision.Now(check.Problem ?? "no certificate installed yet");
        }
        if (!SameNames(current.Names, check.WantedNames))
        {
            return RenewalDecision.Now(
                $"the names asked for ({string.Join(", ", check.WantedNames)}) differ from the certificate's ({string.Join(", ", current.Names)})");
        }
        if (check.Now >= current.NotAfter)
        {
            return RenewalDecision.Now($"the certificate expired at {Format(current.NotAfter)}", current.NotAfter);
        }
        if (check.SuggestedWindow is { } window && window.End > window.Start)
        {
            var dueAt = window.Start + (window.End - window.Start) * WindowPoint(current.SerialHex);
            return check.Now >= dueAt
                ? RenewalDecision.Now($"the CA's renewal window {Format(window.Start)} .. {Format(window.End)} is open (this certificate's point: {Format(dueAt)})", dueAt)
                : new RenewalDecision(false, $"the CA suggests renewing between {Format(window.Start)} and {Format(window.End)}; due at {Format(dueAt)}", dueAt);
        }
        var twoThirds = RenewalTimeCalculator.Calculate(current.NotBefore, current.NotAfter);
        return check.Now >= twoThirds
            ? RenewalDecision.Now($"two thirds of the lifetime have passed (due since {Format(twoThirds)})", twoThirds)
            : new RenewalDecision(false, $"due at {Format(twoThirds)}, two thirds into its lifetime", twoThirds);
    }

    /// <summary>A point in [0, 1) that depends only on the serial: where in an ARI window this certificate renews.</summary>
    public static double WindowPoint(string serialHex)
    {
        ArgumentNullException.ThrowIfNull(serialHex);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(serialHex.ToUpperInvariant()), hash);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) / (double)(1UL << 53);
    }

    private static bool SameNames(IReadOnlyList<string> installed, IReadOnlyList<string> wanted) =>
        installed.ToHashSet(StringComparer.OrdinalIgnoreCase).SetEquals(wanted);

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
