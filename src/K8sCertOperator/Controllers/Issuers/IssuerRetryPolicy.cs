using K8sCertOperator.Kube;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>
/// When an Issuer that is not Ready is looked at again. An unreachable ACME server gets the short outage ladder
/// (1 s … 30 s) so the Issuer is Ready within seconds of the server coming back. Anything else (a bad spec, a
/// missing Secret, a refusal) waits for the user: the watches bring spec changes and changes to any Secret the
/// issuer references at once, and a slow ladder (5 s … 5 min) picks up fixes no watch can see, without
/// rewriting the same condition and Event every few hundred milliseconds.
/// </summary>
public static class IssuerRetryPolicy
{
    public static readonly ExponentialBackoff NotReadyLadder = new(TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5));

    /// <param name="serverUnavailable">The ACME server could not be reached or failed (not a refusal).</param>
    /// <param name="attempt">0-based count of consecutive failures of this Issuer.</param>
    /// <param name="retryAfter">A delay the server asked for, honoured when longer (capped by the outage policy).</param>
    /// <param name="notReadyLadder">The slow ladder; <see cref="NotReadyLadder"/> unless the options set another.</param>
    public static TimeSpan Delay(bool serverUnavailable, int attempt, TimeSpan? retryAfter, ExponentialBackoff? notReadyLadder = null)
    {
        if (serverUnavailable)
        {
            return AcmeServerFailurePolicy.Delay(attempt, retryAfter);
        }

        return AcmeServerFailurePolicy.HonourRetryAfter((notReadyLadder ?? NotReadyLadder).Delay(Math.Max(attempt, 0) + 1), retryAfter);
    }
}
