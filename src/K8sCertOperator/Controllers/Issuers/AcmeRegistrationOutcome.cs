using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>Result of the ACME branch: the Ready condition, the account status to record, and when to retry.</summary>
/// <param name="Readiness">Null when registration was skipped because the status is already current.</param>
/// <param name="Account">The account status to write; null keeps what is recorded.</param>
/// <param name="RetryAfter">A server-requested delay before the next attempt, when it gave one.</param>
/// <param name="ServerUnavailable">The ACME server could not be reached or failed (not a refusal): retry soon.</param>
public sealed record AcmeRegistrationOutcome(IssuerReadiness? Readiness, AcmeIssuerStatus? Account, TimeSpan? RetryAfter = null, bool ServerUnavailable = false)
{
    public static AcmeRegistrationOutcome Skipped { get; } = new(null, null);

    public static AcmeRegistrationOutcome Failed(string reason, string message, TimeSpan? retryAfter = null, bool serverUnavailable = false) =>
        new(IssuerReadiness.NotReady(reason, message), null, retryAfter, serverUnavailable);
}
