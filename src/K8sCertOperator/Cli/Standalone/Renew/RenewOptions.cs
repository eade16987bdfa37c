namespace K8sCertOperator.Cli.Standalone.Renew;

/// <summary>What `certify renew` was told: certify's own options plus the renew-only ones.</summary>
public sealed record RenewOptions
{
    public required CertifyOptions Certify { get; init; }

    /// <summary>Shell command run once after a renewal (not when nothing was due).</summary>
    public string? DeployHook { get; init; }

    /// <summary>The time the due-decision uses instead of the clock (hidden --now, for tests).</summary>
    public DateTimeOffset? Now { get; init; }
}
