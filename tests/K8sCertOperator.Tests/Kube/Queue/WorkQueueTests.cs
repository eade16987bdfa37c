using Microsoft.Extensions.Time.Testing;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Tests.Kube.Fakes;

namespace K8sCertOperator.Tests.Kube.Queue;

public class WorkQueueTests
{
    private readonly FakeTimeProvider _time = new();

    private WorkQueue<string> NewQueue() => new(new WorkQueueOptions(), _time);

    private static async Task<string> TakeAsync(WorkQueue<string> q)
    {
        var (key, shutDown) = await q.GetAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(shutDown);
        return key;
    }

    [Fact]
    public async Task DuplicateAddsAreCollapsed()
    {
        var q = NewQueue();
        q.Add("a");
        q.Add("a");
        q.Add("b");
        q.Add("a");

        Assert.Equal(2, q.Length);
        Assert.Equal("a", await TakeAsync(q));
        Assert.Equal("b", await TakeAsync(q));
        Assert.Equal(0, q.Length);
    }

    [Fact]
    public async Task KeyAddedWhileProcessingIsProcessedOnceAfterDone()
    {
        var q = NewQueue();
        q.Add("a");
        var key = await TakeAsync(q);

        q.Add("a");
        q.Add("a");
        Assert.Equal(0, q.Length); // not handed to a second worker while in flight

        q.Done(key);
        Assert.Equal(1, q.Length);
        Assert.Equal("a", await TakeAsync(q));
        q.Done("a");
        Assert.Equal(0, q.Length);
    }

    [Fact]
    public async Task DoneWithoutReAddDoesNotRequeue()
    {
        var q = NewQueue();
        q.Add("a");
        q.Done(await TakeAsync(q));
        Assert.Equal(0, q.Length);
    }

    [Fact]
    public async Task WaitingGetReceivesLaterAdd()
    {
        var q = NewQueue();
        var pending = q.GetAsync(CancellationToken.None);
        Assert.False(pending.IsCompleted);

        q.Add("x");
        var (key, shutDown) = await pending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("x", key);
        Assert.False(shutDown);
    }

    [Fact]
    public async Task CancelledGetDoesNotSwallowTheNextKey()
    {
        var q = NewQueue();
        using var cts = new CancellationTokenSource();
        var cancelled = q.GetAsync(cts.Token);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        var second = q.GetAsync(CancellationToken.None);
        q.Add("k");
        var (key, _) = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("k", key);
    }

    [Fact]
    public async Task ShutDownWakesWaitersAndIgnoresNewKeys()
    {
        var q = NewQueue();
        var pending = q.GetAsync(CancellationToken.None);
        q.ShutDown();

        var (_, shutDown) = await pending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(shutDown);
        q.Add("late");
        Assert.Equal(0, q.Length);
        Assert.True(q.IsShuttingDown);
    }

    [Fact]
    public async Task ShutDownDrainsQueuedKeysFirst()
    {
        var q = NewQueue();
        q.Add("a");
        q.ShutDown();
        Assert.Equal("a", await TakeAsync(q));
        Assert.True((await q.GetAsync(CancellationToken.None)).ShutDown);
    }

    [Fact]
    public void AddAfterIsNotReadyBeforeItsDelay()
    {
        var q = NewQueue();
        q.AddAfter("a", TimeSpan.FromSeconds(1));
        _time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.Equal(0, q.Length);
        Assert.Equal(1, q.WaitingCount);

        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, q.Length);
        Assert.Equal(0, q.WaitingCount);
    }

    [Fact]
    public async Task AddAfterKeysBecomeReadyInDueOrder()
    {
        var q = NewQueue();
        q.AddAfter("c", TimeSpan.FromSeconds(3));
        q.AddAfter("a", TimeSpan.FromSeconds(1));
        q.AddAfter("b", TimeSpan.FromSeconds(2));

        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal("a", await TakeAsync(q));
        Assert.Equal("b", await TakeAsync(q));
        Assert.Equal("c", await TakeAsync(q));
    }

    [Fact]
    public async Task EarlierAddAfterWinsAndLaterOnesAreDropped()
    {
        var q = NewQueue();
        q.AddAfter("a", TimeSpan.FromSeconds(10));
        q.AddAfter("a", TimeSpan.FromSeconds(1));
        q.AddAfter("a", TimeSpan.FromSeconds(5)); // later than the pending one: ignored

        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, q.Length);
        q.Done(await TakeAsync(q));

        // The replaced 10 s and the ignored 5 s adds must not bring the key back.
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(0, q.Length);
        Assert.Equal(0, q.WaitingCount);
    }

    [Fact]
    public void ZeroDelayAddAfterAddsImmediately()
    {
        var q = NewQueue();
        q.AddAfter("a", TimeSpan.Zero);
        Assert.Equal(1, q.Length);
    }

    [Fact]
    public void ShutDownCancelsDelayedAdds()
    {
        var q = NewQueue();
        q.AddAfter("a", TimeSpan.FromSeconds(1));
        q.ShutDown();
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(0, q.Length);
    }

    [Fact]
    public void AddRateLimitedBacksOffPerKeyAndForgetResets()
    {
        var q = NewQueue();
        q.AddRateLimited("a"); // 5 ms
        q.AddRateLimited("a"); // pending earlier add wins
        Assert.Equal(2, q.NumRequeues("a"));

        _time.Advance(TimeSpan.FromMilliseconds(5));
        Assert.Equal(1, q.Length);

        q.Forget("a");
        Assert.Equal(0, q.NumRequeues("a"));
    }
}
