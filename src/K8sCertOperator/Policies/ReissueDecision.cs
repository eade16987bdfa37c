namespace K8sCertOperator.Policies;

/// <summary>Why a certificate must be (re-)issued: a <see cref="Api.ConditionReasons"/> value and a human message.</summary>
public sealed record ReissueDecision(string Reason, string Message);
