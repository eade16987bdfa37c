using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Resources;

namespace K8sCertOperator.IntegrationTests.Fixtures;

/// <summary>Solves DNS-01 by setting TXT records in a <see cref="ChallTestSrvFixture"/>.</summary>
public sealed class ChallTestSrvDns01Responder(ChallTestSrvFixture server) : IAcmeChallengeResponder
{
    public IReadOnlyList<string> SupportedChallengeTypes { get; } = [AcmeChallenge.Dns01];

    public Task PresentAsync(AcmeChallengeContext challenge, CancellationToken cancellationToken) =>
        server.SetTxtAsync(challenge.DnsRecordName, challenge.DnsTxtValue, cancellationToken);

    // challtestsrv clears every value of a name at once; a wildcard and its base share the name, and
    // clean-up runs after all validations, so clearing twice is harmless.
    public Task CleanUpAsync(AcmeChallengeContext challenge, CancellationToken cancellationToken) =>
        server.ClearTxtAsync(challenge.DnsRecordName, cancellationToken);
}
