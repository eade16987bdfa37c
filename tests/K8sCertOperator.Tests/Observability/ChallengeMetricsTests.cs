using K8sCertOperator.Api.Acme;
using K8sCertOperator.Observability;

namespace K8sCertOperator.Tests.Observability;

public sealed class ChallengeMetricsTests
{
    [Fact]
    public void ChallengesAreCountedByTypeAndStateWithMissingStateAsPending()
    {
        static Challenge Of(string type, string? state) =>
            new() { Spec = new ChallengeSpec { Type = type }, Status = state is null ? null : new ChallengeStatus { State = state } };

        var counts = ChallengeMetrics.Count([Of("HTTP-01", null), Of("HTTP-01", "pending"), Of("HTTP-01", "valid"), Of("DNS-01", "invalid")]);

        Assert.Equal(2, counts[("HTTP-01", "pending")]);
        Assert.Equal(1, counts[("HTTP-01", "valid")]);
        Assert.Equal(1, counts[("DNS-01", "invalid")]);
        Assert.Equal(3, counts.Count);
    }
}
