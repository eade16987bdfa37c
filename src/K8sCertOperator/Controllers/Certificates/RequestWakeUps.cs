using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.CertificateRequests.Approval;
using K8sCertOperator.Controllers.Orders;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Which changes of a CertificateRequest and its Order concern the Certificate, the approver and the signer, pure: a
/// request is written four times (created, approved, pending, signed) and each wake-up costs a reconcile.
/// </summary>
public static class RequestWakeUps
{
    /// <summary>
    /// A request matters when it reaches an outcome (signed, denied, failed), and, when the built-in approver does not
    /// cover its signer, when it appears or is decided (the Certificate shows that it waits for approval).
    /// </summary>
    public static bool RequestMatters(CertificateRequest? before, CertificateRequest after, SignerPatterns approver)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(approver);
        if (HasOutcome(after) && (before is null || !HasOutcome(before)))
        {
            return true;
        }

        return !ApprovalPolicy.Covers(after, approver) && (before is null || IsDecided(before) != IsDecided(after));
    }

    /// <summary>A request matters to the approver while it is undecided: a decided one is never decided again.</summary>
    public static bool RequestMattersToApprover(CertificateRequest? before, CertificateRequest after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return !IsDecided(after);
    }

    /// <summary>
    /// A request matters to the signer when what the signer would do with it changes (it appears, is approved or
    /// denied) and is something to do: its own "pending" and "signed" writes do not bring it back, and neither does a
    /// new request the built-in approver is about to decide (the signer would only say it waits for approval).
    /// </summary>
    public static bool RequestMattersToSigner(CertificateRequest? before, CertificateRequest after, SignerPatterns approver)
    {
        ArgumentNullException.ThrowIfNull(after);
        ArgumentNullException.ThrowIfNull(approver);
        var now = CertificateRequests.SignerGate.Decide(after);
        if (now == CertificateRequests.SignerStep.AwaitApproval && ApprovalPolicy.Covers(after, approver))
        {
            return false;
        }
        return now != CertificateRequests.SignerStep.Leave && (before is null || CertificateRequests.SignerGate.Decide(before) != now);
    }

    /// <summary>An Order matters to the Certificate only when it starts or stops waiting for the account's order rate.</summary>
    public static bool OrderMatters(Order? before, Order after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return OrderRateLimits.IsWaiting(before?.Status) != OrderRateLimits.IsWaiting(after.Status);
    }

    /// <summary>A Challenge matters to the Certificate when the record a person must publish appears, changes or goes.</summary>
    public static bool ChallengeMatters(Challenge? before, Challenge after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return ManualRecord(before) != ManualRecord(after);
    }

    private static string? ManualRecord(Challenge? challenge) =>
        challenge?.Status?.DnsRecord is { Managed: false } record ? record.ToString() : null;

    /// <summary>
    /// An Order matters to its request's signer when it is final and its outcome changed: it became final, or its
    /// chain (which may be downloaded after the state turned valid) or reason arrived.
    /// </summary>
    public static bool OrderMattersToSigner(Order? before, Order after)
    {
        ArgumentNullException.ThrowIfNull(after);
        return AcmeStates.IsFinal(after.Status?.State)
            && (before?.Status?.State != after.Status?.State
                || (before?.Status?.Certificate?.Length ?? 0) != (after.Status?.Certificate?.Length ?? 0)
                || before?.Status?.Reason != after.Status?.Reason);
    }

    private static bool HasOutcome(CertificateRequest request)
    {
        var conditions = request.Status?.Conditions;
        return ConditionSet.IsTrue(conditions, ConditionTypes.Ready) || ConditionSet.IsTrue(conditions, ConditionTypes.Denied)
            || ConditionSet.IsTrue(conditions, ConditionTypes.InvalidRequest) || request.Status?.FailureTime is not null;
    }

    private static bool IsDecided(CertificateRequest request) =>
        ConditionSet.Find(request.Status?.Conditions, ConditionTypes.Approved) is not null
        || ConditionSet.Find(request.Status?.Conditions, ConditionTypes.Denied) is not null;
}
