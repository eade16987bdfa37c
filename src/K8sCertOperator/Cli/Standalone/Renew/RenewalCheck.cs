using K8sCertOperator.Policies;

namespace K8sCertOperator.Cli.Standalone.Renew;

/// <summary>Everything <see cref="CertifyRenewalPolicy"/> decides on; built by the runner, tested as a table.</summary>
public sealed record RenewalCheck
{
    public required DateTimeOffset Now { get; init; }

    /// <summary>The names certify was asked for (-d).</summary>
    public required IReadOnlyList<string> WantedNames { get; init; }

    /// <summary>The installed certificate; null when there is none or it cannot be used (see <see cref="Problem"/>).</summary>
    public InstalledCertificate? Current { get; init; }

    /// <summary>Why <see cref="Current"/> is null: no files yet, unreadable PEM, a key that does not match.</summary>
    public string? Problem { get; init; }

    /// <summary>The CA's ARI suggested window (RFC 9773), when the directory offers renewalInfo and it answered.</summary>
    public AriWindow? SuggestedWindow { get; init; }
}
