using Microsoft.Extensions.Time.Testing;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Tests.Kube.Fakes;

namespace K8sCertOperator.Tests.Kube.Queue;

public class RateLimiterTests
{
    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(10, 2_560)]
    [InlineData(18, 655_360)]
    [InlineData(19, 1_000_000)] // 1,310,720 ms capped at 1000 s
    [InlineData(40, 1_000_000)]
    [InlineData(200, 1_000_000)] // no overflow far past the cap
    public void ItemBackoffDoublesUntilTheCap(int failures, long expectedMs)
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        var delay = TimeSpan.Zero;
        for (var i = 0; i < failures; i++)
        {
            delay = limiter.When("k");
        }

        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
        Assert.Equal(failures, limiter.NumRequeues("k"));
    }

    [Fact]
    public void ItemBackoffIsPerKeyAndForgetResets()
    {
        var limiter = new ItemExponentialFailureRateLimiter<string>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000));
        limiter.When("a");
        limiter.When("a");
        Assert.Equal(TimeSpan.FromMilliseconds(20), limiter.When("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("b"));

        limiter.Forget("a");
        Assert.Equal(0, limiter.NumRequeues("a"));
        Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("a"));
    }

    [Fact]
    public void TokenBucketAllowsBurstThenPacesAtQps()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucketRateLimiter<string>(qps: 10, burst: 3, time);

        Assert.Equal(TimeSpan.Zero, bucket.When("a"));
        Assert.Equal(TimeSpan.Zero, bucket.When("b"));
        Assert.Equal(TimeSpan.Zero, bucket.When("c"));
        Assert.Equal(TimeSpan.FromMilliseconds(100), bucket.When("d"));
        Assert.Equal(TimeSpan.FromMilliseconds(200), bucket.When("e"));
    }

    [Fact]
    public void TokenBucketRefillsOverTimeUpToBurst()
    {
        var time = new FakeTimeProvider();
        var bucket = new TokenBucketRateLimiter<string>(qps: 10, burst: 3, time);
        for (var i = 0; i < 5; i++)
        {
            bucket.When("k"); // tokens now -2
        }

        time.Advance(TimeSpan.FromSeconds(10)); // refills to the burst of 3, not 98
        Assert.Equal(TimeSpan.Zero, bucket.When("k"));
        Assert.Equal(TimeSpan.Zero, bucket.When("k"));
        Assert.Equal(TimeSpan.Zero, bucket.When("k"));
        Assert.Equal(TimeSpan.FromMilliseconds(100), bucket.When("k"));
    }

    [Fact]
    public void DefaultLimiterTakesTheLongerOfBackoffAndBucket()
    {
        var time = new FakeTimeProvider();
        var limiter = new WorkQueueOptions().CreateRateLimiter<string>(time);

        // 100 distinct keys fit in the burst: only the per-key 5 ms applies.
        for (var i = 0; i < 100; i++)
        {
            Assert.Equal(TimeSpan.FromMilliseconds(5), limiter.When("key" + i));
        }

        // The bucket is empty now: the 101st retry waits for a token (100 ms at 10 qps).
        Assert.Equal(TimeSpan.FromMilliseconds(100), limiter.When("another"));
    }
}
