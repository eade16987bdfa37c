using K8sCertOperator.Controllers.Orders;

namespace K8sCertOperator.Tests.Controllers.Orders;

public class PollBackoffTests
{
    [Theory]
    [InlineData(0, null, 250)]
    [InlineData(1, null, 500)]
    [InlineData(2, null, 1000)]
    [InlineData(5, null, 8000)]
    [InlineData(6, null, 10000)]
    [InlineData(100, null, 10000)]
    [InlineData(-3, null, 250)]
    [InlineData(0, 3000, 3000)]
    [InlineData(6, 3000, 10000)]
    [InlineData(0, 3_600_000, 300_000)]
    public void DoublesToCapAndHonoursRetryAfter(int attempt, int? retryAfterMs, int expectedMs)
    {
        TimeSpan? retryAfter = retryAfterMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null;
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), PollBackoff.Delay(attempt, retryAfter));
    }

    [Fact]
    public void AttemptsCountPerKeyAndReset()
    {
        var attempts = new PollAttempts();
        var a = new K8sCertOperator.Kube.ObjectKey("ns", "a");
        var b = new K8sCertOperator.Kube.ObjectKey("ns", "b");
        Assert.Equal(0, attempts.Next(a));
        Assert.Equal(1, attempts.Next(a));
        Assert.Equal(0, attempts.Next(b));
        attempts.Reset(a);
        Assert.Equal(0, attempts.Next(a));
    }
}
