namespace K8sCertOperator.Api;

/// <summary>Values of spec.renewal.policy.</summary>
public static class RenewalPolicies
{
    /// <summary>Renew at the renewBefore / renewBeforePercentage time (the default).</summary>
    public const string RenewBefore = "RenewBefore";

    /// <summary>No automatic renewal; re-issue still happens for spec changes or a lost Secret.</summary>
    public const string Disabled = "Disabled";
}
