namespace K8sCertOperator.Pki;

/// <summary>
/// When a certificate should be renewed, with cert-manager's semantics (pkg/util/pki/renewaltime.go):
/// <list type="number">
/// <item>spec.renewBefore, if set, &gt; 0 and shorter than the actual lifetime (notAfter - notBefore), wins:
/// renew at notAfter - renewBefore.</item>
/// <item>otherwise spec.renewBeforePercentage, if set and strictly between 0 and 100, is the share of the lifetime
/// left when renewing: renew at notAfter - lifetime * p / 100 (i.e. notBefore + lifetime * (100 - p) / 100).</item>
/// <item>otherwise the default: renew 2/3 through the lifetime (notAfter - lifetime / 3).</item>
/// </list>
/// The result is truncated to whole seconds, because it is stored in status.renewalTime at second precision and then
/// compared again; an untruncated value would look "not yet due" right after the requeue fires.
/// Renewal windows (spec.renewal) are applied afterwards by <see cref="Policies.RenewalWindowPolicy"/>.
/// </summary>
public static class RenewalTimeCalculator
{
    public static DateTimeOffset Calculate(
        DateTimeOffset notBefore,
        DateTimeOffset notAfter,
        TimeSpan? renewBefore = null,
        int? renewBeforePercentage = null)
    {
        var renewAt = notAfter - RenewBefore(notAfter - notBefore, renewBefore, renewBeforePercentage);
        var utc = renewAt.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>How long before notAfter renewal starts, for a certificate with the given actual lifetime.</summary>
    public static TimeSpan RenewBefore(TimeSpan lifetime, TimeSpan? renewBefore, int? renewBeforePercentage)
    {
        if (renewBefore is { } rb && rb > TimeSpan.Zero && rb < lifetime)
        {
            return rb;
        }

        if (renewBeforePercentage is { } p && p > 0 && p < 100)
        {
            return TimeSpan.FromTicks(lifetime.Ticks / 100 * p + lifetime.Ticks % 100 * p / 100);
        }

        return lifetime / 3;
    }
}
