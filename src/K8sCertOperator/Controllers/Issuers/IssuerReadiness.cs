using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>The Ready condition an issuer reconcile decided on: status, reason and message.</summary>
public sealed record IssuerReadiness(string Status, string Reason, string Message)
{
    public bool IsReady => Status == ConditionStatus.True;

    public static IssuerReadiness Ready(string reason, string message) => new(ConditionStatus.True, reason, message);

    public static IssuerReadiness NotReady(string reason, string message) => new(ConditionStatus.False, reason, message);
}
