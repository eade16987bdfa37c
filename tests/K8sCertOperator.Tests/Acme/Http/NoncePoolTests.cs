using K8sCertOperator.Acme.Http;

namespace K8sCertOperator.Tests.Acme.Http;

/// <summary>The Replay-Nonce pool: single use, newest first, bounded, thread-safe.</summary>
public class NoncePoolTests
{
    [Fact]
    public void Empty_pool_hands_out_nothing()
    {
        Assert.False(new NoncePool().TryTake(out _));
    }

    [Fact]
    public void Each_nonce_is_handed_out_once_newest_first()
    {
        var pool = new NoncePool();
        pool.Add("a");
        pool.Add("b");

        Assert.True(pool.TryTake(out var first));
        Assert.True(pool.TryTake(out var second));
        Assert.False(pool.TryTake(out _));
        Assert.Equal(("b", "a"), (first, second));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Blank_nonces_are_ignored(string? nonce)
    {
        var pool = new NoncePool();
        pool.Add(nonce);

        Assert.Equal(0, pool.Count);
    }

    [Fact]
    public void Duplicates_are_stored_once()
    {
        var pool = new NoncePool();
        pool.Add("a");
        pool.Add("a");

        Assert.Equal(1, pool.Count);
    }

    [Fact]
    public void Capacity_drops_the_oldest()
    {
        var pool = new NoncePool(capacity: 2);
        pool.Add("old");
        pool.Add("mid");
        pool.Add("new");

        Assert.Equal(2, pool.Count);
        pool.TryTake(out var a);
        pool.TryTake(out var b);
        Assert.Equal(["new", "mid"], new[] { a, b });
    }

    [Fact]
    public async Task Concurrent_takers_never_share_a_nonce()
    {
        var pool = new NoncePool(capacity: 1000);
        for (var i = 0; i < 1000; i++)
        {
            pool.Add("n" + i);
        }
        var taken = new System.Collections.Concurrent.ConcurrentBag<string>();

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            while (pool.TryTake(out var nonce))
            {
                taken.Add(nonce);
            }
        })));

        Assert.Equal(1000, taken.Count);
        Assert.Equal(1000, taken.Distinct().Count());
    }
}
