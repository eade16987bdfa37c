using K8sCertOperator.Controllers.Issuers;

namespace K8sCertOperator.Tests.Controllers.Issuers;

public class IssuerRetryPolicyTests
{
    [Theory]
    // An unreachable server: the short outage ladder.
    [InlineData(true, 0, null, 1.0)]
    [InlineData(true, 3, null, 8.0)]
    [InlineData(true, 20, null, 30.0)]
    // A bad spec or missing Secret: slow, so the same condition and Event are not rewritten every moment.
    [InlineData(false, 0, null, 5.0)]
    [InlineData(false, 1, null, 10.0)]
    [InlineData(false, 6, null, 300.0)]
    [InlineData(false, 40, null, 300.0)]
    // A server's Retry-After wins when longer, up to five minutes.
    [InlineData(false, 0, 60.0, 60.0)]
    [InlineData(true, 0, 20.0, 20.0)]
    [InlineData(true, 0, 3600.0, 300.0)]
    [InlineData(false, 0, 1.0, 5.0)]
    public void Delay(bool serverUnavailable, int attempt, double? retryAfterSeconds, double expectedSeconds)
    {
        var retryAfter = retryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), IssuerRetryPolicy.Delay(serverUnavailable, attempt, retryAfter));
    }
}
