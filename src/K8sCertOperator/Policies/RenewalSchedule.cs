namespace K8sCertOperator.Policies;

/// <summary>When renewal is due (Target) and when to look at the Certificate again (RequeueAfter from now).</summary>
public sealed record RenewalSchedule(DateTimeOffset? Target, TimeSpan RequeueAfter);
