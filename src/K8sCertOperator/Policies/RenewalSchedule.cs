namespace K8sCertOperator.Policies;

/// <summary>
/// When renewal is due (Target: the earlier of the renewal time and <paramref name="AriPoint"/>) and when to look at the
/// Certificate again (RequeueAfter from now). AriPoint is this Certificate's point in the CA's suggested window (ARI), if any.
/// </summary>
public sealed record RenewalSchedule(DateTimeOffset? Target, TimeSpan RequeueAfter, DateTimeOffset? AriPoint = null);
