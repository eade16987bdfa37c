namespace K8sCertOperator.Acme;

/// <summary>Publishes and removes challenge responses (HTTP-01 files, DNS-01 TXT records…).</summary>
public interface IAcmeChallengeResponder
{
    /// <summary>Challenge types this responder can solve, most preferred first.</summary>
    IReadOnlyList<string> SupportedChallengeTypes { get; }

    /// <summary>Makes the response visible; returns once the CA can be asked to validate.</summary>
    Task PresentAsync(AcmeChallengeContext challenge, CancellationToken cancellationToken);

    /// <summary>Removes what <see cref="PresentAsync"/> published; called whether validation passed or not.</summary>
    Task CleanUpAsync(AcmeChallengeContext challenge, CancellationToken cancellationToken);
}
