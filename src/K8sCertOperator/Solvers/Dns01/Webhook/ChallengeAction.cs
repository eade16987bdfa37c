namespace K8sCertOperator.Solvers.Dns01.Webhook;

/// <summary>Values of <c>request.action</c> in cert-manager's webhook API (acme.cert-manager.io/v1alpha1).</summary>
public static class ChallengeAction
{
    public const string Present = "Present";
    public const string CleanUp = "CleanUp";
}
