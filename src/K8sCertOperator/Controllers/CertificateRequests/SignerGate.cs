using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.CertificateRequests;

/// <summary>The signer's decision from a request's status alone, pure: a request is signed once, after approval, never after a denial.</summary>
public static class SignerGate
{
    public static SignerStep Decide(CertificateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!ApiGroups.IsIssuerGroup(request.Spec.IssuerRef.Group))
        {
            return SignerStep.Leave;
        }

        var conditions = request.Status?.Conditions;
        if (ConditionSet.IsTrue(conditions, ConditionTypes.Ready) || request.Status?.FailureTime is not null)
        {
            return SignerStep.Leave;
        }

        if (ConditionSet.IsTrue(conditions, ConditionTypes.Denied))
        {
            return SignerStep.MarkDenied;
        }

        return ConditionSet.IsTrue(conditions, ConditionTypes.Approved) ? SignerStep.Sign : SignerStep.AwaitApproval;
    }
}
