namespace K8sCertOperator.Policies;

/// <summary>Values for the Certificate's Ready condition: Status is a <see cref="Api.ConditionStatus"/> value.</summary>
public sealed record ReadinessResult(string Status, string Reason, string Message);
