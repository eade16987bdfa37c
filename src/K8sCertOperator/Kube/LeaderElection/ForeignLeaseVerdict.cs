namespace K8sCertOperator.Kube.LeaderElection;

/// <summary>
/// Whether another controller (cert-manager's) holds its Lease: <see cref="Held"/> with its holder and until when,
/// or free with why (<see cref="Reason"/>: absent, released, never renewed, expired).
/// </summary>
public sealed record ForeignLeaseVerdict(bool Held, string Reason, string? Holder = null, DateTime? Until = null);
