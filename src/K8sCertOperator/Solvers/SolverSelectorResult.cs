using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Solvers;

/// <summary>Outcome of <see cref="SolverSelector.Select"/>: the chosen solver and challenge type, or why none fits.</summary>
public sealed record SolverSelectorResult
{
    private SolverSelectorResult(AcmeChallengeSolver? solver, string? challengeType, string? acmeChallengeType, string? failureReason)
    {
        Solver = solver;
        ChallengeType = challengeType;
        AcmeChallengeType = acmeChallengeType;
        FailureReason = failureReason;
    }

    /// <summary>The issuer's solver entry (the same instance that was passed in); null when none fits.</summary>
    public AcmeChallengeSolver? Solver { get; }

    /// <summary>Challenge <c>spec.type</c> value (<see cref="ChallengeTypes"/>), e.g. <c>HTTP-01</c>.</summary>
    public string? ChallengeType { get; }

    /// <summary>The ACME wire type (<c>http-01</c> / <c>dns-01</c>) to pick from the authorization's challenges.</summary>
    public string? AcmeChallengeType { get; }

    /// <summary>Human-readable reason when no solver fits; null on success.</summary>
    public string? FailureReason { get; }

    public bool IsSelected => Solver is not null;

    public static SolverSelectorResult Selected(AcmeChallengeSolver solver, string acmeChallengeType)
    {
        ArgumentNullException.ThrowIfNull(solver);
        var type = ChallengeTypes.FromAcme(acmeChallengeType)
            ?? throw new ArgumentException($"unsupported ACME challenge type '{acmeChallengeType}'", nameof(acmeChallengeType));
        return new SolverSelectorResult(solver, type, acmeChallengeType, null);
    }

    public static SolverSelectorResult NoMatch(string reason) => new(null, null, null, reason);
}
