namespace K8sCertOperator.Policies;

/// <summary>One named check of a policy chain; returns a decision when it fires, null to pass to the next.</summary>
public sealed record ReissuePolicy(string Name, Func<ReissueInput, ReissueDecision?> Check);
