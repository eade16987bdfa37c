using K8sCertOperator.Acme.Http;

namespace K8sCertOperator.Tests.Acme.Http;

/// <summary>Exponential backoff: growth, cap and jitter bounds as a table.</summary>
public class BackoffPolicyTests
{
    private static readonly BackoffPolicy Policy = new(TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(10), 2.0, 0.5);

    [Theory]
    [InlineData(1, 0.0, 250)]
    [InlineData(2, 0.0, 500)]
    [InlineData(3, 0.0, 1000)]
    [InlineData(6, 0.0, 8000)]
    [InlineData(7, 0.0, 10000)]     // capped
    [InlineData(1000, 0.0, 10000)]  // no overflow
    [InlineData(1, 1.0, 125)]       // full jitter halves (JitterFraction 0.5)
    [InlineData(3, 0.5, 750)]
    [InlineData(7, 1.0, 5000)]
    [InlineData(2, 7.0, 250)]       // samples outside [0,1] are clamped
    [InlineData(2, -3.0, 500)]
    public void Delay_grows_exponentially_is_capped_and_jittered_downwards(int attempt, double sample, double expectedMs)
    {
        Assert.Equal(expectedMs, Policy.Delay(attempt, sample).TotalMilliseconds, precision: 3);
    }

    [Fact]
    public void Every_delay_stays_within_bounds()
    {
        for (var attempt = 1; attempt < 100; attempt++)
        {
            foreach (var sample in new[] { 0.0, 0.25, 0.5, 0.999 })
            {
                var delay = Policy.Delay(attempt, sample);
                Assert.InRange(delay, TimeSpan.FromMilliseconds(125), TimeSpan.FromSeconds(10));
            }
        }
    }

    [Fact]
    public void Attempt_zero_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Policy.Delay(0, 0));
    }

    [Fact]
    public void Polling_policy_starts_fast()
    {
        Assert.Equal(50, BackoffPolicy.Polling.Delay(1, 0).TotalMilliseconds);
        Assert.Equal(400, BackoffPolicy.Polling.Delay(4, 0).TotalMilliseconds);
        Assert.Equal(TimeSpan.FromSeconds(5), BackoffPolicy.Polling.Delay(50, 0));

        // A CA that takes 10 s costs at most a dozen polls.
        var elapsed = TimeSpan.Zero;
        var polls = 0;
        while (elapsed < TimeSpan.FromSeconds(10))
        {
            elapsed += BackoffPolicy.Polling.Delay(++polls, 0);
        }
        Assert.InRange(polls, 1, 12);
    }
}
