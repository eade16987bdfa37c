using K8sCertOperator.Api;

namespace K8sCertOperator.Policies;

/// <summary>
/// spec.renewal: whether automatic renewal is on, and moving the computed renewal time into a renewal window.
/// A window opens at each cron match (wall clock in its timezone, UTC by default) and stays open for
/// windowDuration. Renewal moves to the first window open at or after the computed time — but never past
/// <see cref="Latest"/>, the midpoint between the computed time and notAfter, so a certificate keeps at least
/// half of its renew-before margin to retry in; when no window opens by then the computed time is kept.
/// </summary>
public static class RenewalWindowPolicy
{
    /// <summary>Whether spec.renewal.policy turns automatic renewal off.</summary>
    public static bool IsDisabled(CertificateRenewal? renewal) =>
        string.Equals(renewal?.Policy, RenewalPolicies.Disabled, StringComparison.Ordinal);

    /// <summary>The latest renewal time a window may move renewal to.</summary>
    public static DateTimeOffset Latest(DateTimeOffset computed, DateTimeOffset notAfter) =>
        notAfter > computed ? computed + (notAfter - computed) / 2 : computed;

    /// <summary>Problems with spec.renewal (policy, cron, timezone, duration), empty when valid.</summary>
    public static IReadOnlyList<string> Validate(CertificateRenewal? renewal)
    {
        var errors = new List<string>();
        if (renewal?.Policy is { } policy && policy is not (RenewalPolicies.RenewBefore or RenewalPolicies.Disabled))
        {
            errors.Add($"spec.renewal.policy \"{policy}\" must be RenewBefore or Disabled");
        }

        var windows = renewal?.Windows ?? [];
        for (var i = 0; i < windows.Count; i++)
        {
            if (!TryResolve(windows[i], out _, out _, out _, out var error))
            {
                errors.Add($"spec.renewal.windows[{i}]: {error}");
            }
        }

        return errors;
    }

    /// <summary>
    /// The renewal time under spec.renewal.windows for a certificate whose renewBefore time is
    /// <paramref name="computed"/>; invalid windows are skipped (<see cref="Validate"/> reports them).
    /// </summary>
    public static DateTimeOffset Apply(DateTimeOffset computed, DateTimeOffset notAfter, CertificateRenewal? renewal)
    {
        var windows = renewal?.Windows;
        if (windows is null || windows.Count == 0)
        {
            return computed;
        }

        var latest = Latest(computed, notAfter);
        DateTimeOffset? best = null;
        foreach (var window in windows)
        {
            if (TryResolve(window, out var cron, out var zone, out var duration, out _)
                && FirstOpen(cron!, zone!, duration, computed, latest) is { } open
                && (best is null || open < best))
            {
                best = open;
            }
        }

        return best ?? computed;
    }

    private static DateTimeOffset? FirstOpen(CronSchedule cron, TimeZoneInfo zone, TimeSpan duration, DateTimeOffset computed, DateTimeOffset latest)
    {
        // Start looking one window length back, so a window already open at the computed time counts.
        var searchFrom = computed - duration + TimeSpan.FromTicks(1);
        var local = TimeZoneInfo.ConvertTime(searchFrom, zone).DateTime;
        var horizon = latest - searchFrom + TimeSpan.FromDays(1);
        while (cron.Next(local, horizon) is { } start)
        {
            var unspecified = DateTime.SpecifyKind(start, DateTimeKind.Unspecified);
            if (!zone.IsInvalidTime(unspecified))
            {
                var startUtc = new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
                if (startUtc > latest)
                {
                    return null;
                }

                if (startUtc + duration > computed)
                {
                    return startUtc > computed ? startUtc : computed;
                }
            }

            horizon -= start.AddMinutes(1) - local;
            local = start.AddMinutes(1);
        }

        return null;
    }

    private static bool TryResolve(CertificateRenewalWindow window, out CronSchedule? cron, out TimeZoneInfo? zone, out TimeSpan duration, out string? error)
    {
        zone = null;
        duration = default;
        if (!CronSchedule.TryParse(window.Cron, out cron, out error))
        {
            return false;
        }

        if (!GoDuration.TryParse(window.WindowDuration, out duration) || duration <= TimeSpan.Zero)
        {
            error = $"windowDuration \"{window.WindowDuration}\" must be a positive Go duration";
            return false;
        }

        var id = string.IsNullOrEmpty(window.Timezone) ? "UTC" : window.Timezone;
        try
        {
            zone = TimeZoneInfo.FindSystemTimeZoneById(id);
            return true;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            error = $"timezone \"{id}\" is not a known IANA timezone";
            return false;
        }
    }
}
