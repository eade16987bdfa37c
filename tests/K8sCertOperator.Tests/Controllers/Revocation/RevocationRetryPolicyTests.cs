using K8sCertOperator.Controllers.Revocation;

namespace K8sCertOperator.Tests.Controllers.Revocation;

public sealed class RevocationRetryPolicyTests
{
    private static readonly DateTimeOffset Deleted = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1, 0, 2.0)]
    [InlineData(2, 10, 4.0)]
    [InlineData(3, 20, 8.0)]
    [InlineData(5, 60, 32.0)]
    public void RetriesWithGrowingDelayWhileWithinBounds(int failures, int secondsSinceDeletion, double expectedDelaySeconds)
    {
        var delay = RevocationRetryPolicy.NextDelay(failures, Deleted, Deleted.AddSeconds(secondsSinceDeletion));
        Assert.Equal(TimeSpan.FromSeconds(expectedDelaySeconds), delay);
    }

    [Theory]
    [InlineData(RevocationRetryPolicy.MaxAttempts, 0)]
    [InlineData(RevocationRetryPolicy.MaxAttempts + 3, 0)]
    [InlineData(1, 600)]
    [InlineData(2, 3600)]
    public void GivesUpAfterTooManyAttemptsOrTooLong(int failures, int secondsSinceDeletion)
    {
        Assert.Null(RevocationRetryPolicy.NextDelay(failures, Deleted, Deleted.AddSeconds(secondsSinceDeletion)));
    }

    [Theory]
    [InlineData("RevokeOnDelete", true)]
    [InlineData("Never", false)]
    [InlineData(null, false)]
    [InlineData("revokeondelete", false)]
    public void FinalizerIsWantedOnlyForRevokeOnDelete(string? policy, bool wanted)
    {
        var certificate = new K8sCertOperator.Api.Certificate { Spec = new K8sCertOperator.Api.CertificateSpec { RevocationPolicy = policy } };
        Assert.Equal(wanted, RevocationFinalizer.IsWanted(certificate));
    }
}
