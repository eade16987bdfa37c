using K8sCertOperator.Acme;

namespace K8sCertOperator.IntegrationTests.Fixtures;

/// <summary>Dispatches challenges to the fixture's HTTP-01 or DNS-01 responder; the type order is the preference.</summary>
public sealed class PebbleChallengeResponder(IReadOnlyList<string> types, IReadOnlyDictionary<string, IAcmeChallengeResponder> byType)
    : IAcmeChallengeResponder
{
    public IReadOnlyList<string> SupportedChallengeTypes { get; } = types;

    public Task PresentAsync(AcmeChallengeContext challenge, CancellationToken cancellationToken) =>
        byType[challenge.ChallengeType].PresentAsync(challenge, cancellationToken);

    public Task CleanUpAsync(AcmeChallengeContext challenge, CancellationToken cancellationToken) =>
        byType[challenge.ChallengeType].CleanUpAsync(challenge, cancellationToken);
}
