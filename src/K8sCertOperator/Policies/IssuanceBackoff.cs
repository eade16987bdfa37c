using K8sCertOperator.Api;

namespace K8sCertOperator.Policies;

/// <summary>
/// Wait after failed issuances: 1 minute after the first, 10 after the second, 100 after the third, then a day.
/// Steeper than cert-manager's 1h doubling at first so a typo fixed quickly retries quickly, and capped at a day
/// so a persistent failure does not hammer the CA (Let's Encrypt's failed-validation limits are per hour).
/// </summary>
public static class IssuanceBackoff
{
    public static TimeSpan Delay(int failedAttempts) => failedAttempts switch
    {
        <= 0 => TimeSpan.Zero,
        1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(10),
        3 => TimeSpan.FromMinutes(100),
        _ => TimeSpan.FromHours(24),
    };

    /// <summary>When the next attempt is allowed; null when there is no recorded failure.</summary>
    public static DateTimeOffset? NextAttempt(int? failedAttempts, DateTime? lastFailureTime)
    {
        if (failedAttempts is not > 0 || lastFailureTime is not { } failed)
        {
            return null;
        }

        return CertificatePolicies.AsUtc(failed) + Delay(failedAttempts.Value);
    }

    /// <summary>True when an issuance must wait; <paramref name="retryAt"/> is then the earliest allowed time.</summary>
    public static bool ShouldWait(CertificateStatus? status, DateTimeOffset now, out DateTimeOffset retryAt)
    {
        if (NextAttempt(status?.FailedIssuanceAttempts, status?.LastFailureTime) is { } next && now < next)
        {
            retryAt = next;
            return true;
        }

        retryAt = now;
        return false;
    }
}
