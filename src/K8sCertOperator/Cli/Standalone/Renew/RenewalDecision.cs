namespace K8sCertOperator.Cli.Standalone.Renew;

/// <summary>The verdict of <see cref="CertifyRenewalPolicy"/>: renew now or not, why, and when it falls due.</summary>
/// <param name="DueAt">When the certificate falls (or fell) due; null when there is no usable certificate.</param>
public sealed record RenewalDecision(bool Due, string Reason, DateTimeOffset? DueAt)
{
    public static RenewalDecision Now(string reason, DateTimeOffset? dueAt = null) => new(true, reason, dueAt);
}
