using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>Presents, checks and withdraws one challenge type (cert-manager's solver interface).</summary>
public interface IChallengeSolver
{
    /// <summary>Makes the challenge answerable; idempotent.</summary>
    Task PresentAsync(Challenge challenge, CancellationToken ct);

    /// <summary>Whether the presented answer is visible as the ACME server will see it; the message says why not.</summary>
    Task<SolverCheckResult> CheckAsync(Challenge challenge, CancellationToken ct);

    /// <summary>Withdraws only what this challenge presented; idempotent, absent things are not an error.</summary>
    Task CleanUpAsync(Challenge challenge, CancellationToken ct);

    /// <summary>The DNS record to show in the Challenge status once presented (null: nothing worth showing).</summary>
    ChallengeDnsRecord? DescribeRecord(Challenge challenge) => null;

    /// <summary>The Event message once presented; solvers that wait for a person say what to publish.</summary>
    string PresentedMessage(Challenge challenge, string displayName) => $"Presented {challenge.Spec.Type} challenge for {displayName}";
}
