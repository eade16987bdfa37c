namespace K8sCertOperator.Controllers.CertificateRequests.Approval;

/// <summary>What the built-in approver does with one request: approve it (with a message) or leave it alone (why).</summary>
public sealed record ApprovalDecision(bool Approve, string Message)
{
    public static ApprovalDecision Leave(string why) => new(false, why);
}
