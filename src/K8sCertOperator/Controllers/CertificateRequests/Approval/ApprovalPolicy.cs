using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.CertificateRequests.Approval;

/// <summary>
/// The built-in approver's decision, pure: a request is approved when it carries neither Approved nor Denied and its
/// signer name matches --approve-signers. A decision once made (by anyone) is never revisited.
/// </summary>
public static class ApprovalPolicy
{
    /// <summary>Reason of the Approved condition the built-in approver writes (cert-manager writes "cert-manager.io").</summary>
    public const string Reason = ApiGroups.Cert;

    /// <summary>Whether the built-in approver, run with <paramref name="signers"/>, approves requests of this signer.</summary>
    public static bool Covers(CertificateRequest request, SignerPatterns signers)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signers);
        return signers.Matches(SignerName.For(request.Spec.IssuerRef, request.Metadata.NamespaceProperty ?? ""));
    }

    /// <summary>The reason in the served API: the group name, as cert-manager's approver writes "cert-manager.io".</summary>
    public static string ReasonIn(ApiFlavor flavor)
    {
        ArgumentNullException.ThrowIfNull(flavor);
        return flavor.CertGroup;
    }

    public static ApprovalDecision Decide(CertificateRequest request, SignerPatterns signers)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(signers);
        var conditions = request.Status?.Conditions;
        if (ConditionSet.Find(conditions, ConditionTypes.Denied) is not null)
        {
            return ApprovalDecision.Leave("already denied");
        }

        if (ConditionSet.Find(conditions, ConditionTypes.Approved) is not null)
        {
            return ApprovalDecision.Leave("already approved");
        }

        var signer = SignerName.For(request.Spec.IssuerRef, request.Metadata.NamespaceProperty ?? "");
        if (!signers.Matches(signer))
        {
            return ApprovalDecision.Leave($"signer {signer} is not in --approve-signers ({signers})");
        }

        return new ApprovalDecision(true, $"Certificate request has been approved by k8s-cert-operator (signer {signer})");
    }
}
