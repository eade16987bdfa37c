using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>The solver for each Challenge <c>spec.type</c>; dns-account-01 is DNS-01 at another name, so one solver serves both.</summary>
public sealed class ChallengeSolverSet
{
    private readonly Dictionary<string, IChallengeSolver> _byType;

    public ChallengeSolverSet(IChallengeSolver http01, IChallengeSolver dns01, IChallengeSolver dnsPersist01)
    {
        ArgumentNullException.ThrowIfNull(http01);
        ArgumentNullException.ThrowIfNull(dns01);
        ArgumentNullException.ThrowIfNull(dnsPersist01);
        _byType = new Dictionary<string, IChallengeSolver>(StringComparer.Ordinal)
        {
            [ChallengeTypes.Http01] = http01,
            [ChallengeTypes.Dns01] = dns01,
            [ChallengeTypes.DnsAccount01] = dns01,
            [ChallengeTypes.DnsPersist01] = dnsPersist01,
        };
    }

    /// <summary>The solver for the Challenge's type, or null when the type is not one we solve.</summary>
    public IChallengeSolver? For(Challenge challenge)
    {
        ArgumentNullException.ThrowIfNull(challenge);
        return _byType.GetValueOrDefault(challenge.Spec.Type);
    }
}
