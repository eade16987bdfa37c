using Microsoft.Extensions.Time.Testing;
using System.Collections.Concurrent;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;
using K8sCertOperator.Tests.Kube.Fakes;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Tests.Kube.Reconcile;

public class ControllerTests
{
    private static readonly ObjectKey Key = new("ns", "cert");
    private readonly FakeTimeProvider _time = new();
    private readonly CapturingLogger _logger = new();
    private readonly ControllerCounters _counters = new();

    private (Controller Controller, WorkQueue<ObjectKey> Queue) Build(IReconciler reconciler, int workers = 1)
    {
        var queue = new WorkQueue<ObjectKey>(new WorkQueueOptions(), _time);
        var controller = new Controller(new ControllerOptions { Name = "test", Workers = workers }, queue, reconciler, _logger, _counters, _time);
        return (controller, queue);
    }

    private sealed class ScriptedReconciler(Func<ObjectKey, int, Task<ReconcileResult>> script) : IReconciler
    {
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken) =>
            script(key, Interlocked.Increment(ref _calls));
    }

    [Fact]
    public async Task SuccessForgetsBackoffAndDoesNotRequeue()
    {
        var reconciler = new ScriptedReconciler((_, _) => Task.FromResult(ReconcileResult.Success()));
        var (controller, queue) = Build(reconciler);
        queue.AddRateLimited(Key); // earlier failures
        _time.Advance(TimeSpan.FromSeconds(1));

        Assert.True(await controller.ProcessNextAsync(CancellationToken.None));

        Assert.Equal(0, queue.NumRequeues(Key));
        Assert.Equal(0, queue.Length);
        Assert.Equal(0, queue.WaitingCount);
        Assert.Equal(1, _counters.Syncs);
        Assert.Equal(0, _counters.Errors);
    }

    [Fact]
    public async Task SuccessWithRequeueAfterComesBackAfterTheDelay()
    {
        var reconciler = new ScriptedReconciler((_, _) => Task.FromResult(ReconcileResult.Success(TimeSpan.FromMinutes(10))));
        var (controller, queue) = Build(reconciler);
        queue.Add(Key);

        await controller.ProcessNextAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(0, queue.Length);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, queue.Length);
    }

    [Fact]
    public async Task FailureIsRetriedWithGrowingBackoff()
    {
        var reconciler = new ScriptedReconciler((_, _) => Task.FromResult(ReconcileResult.Failure("ACME unreachable")));
        var (controller, queue) = Build(reconciler);
        queue.Add(Key);

        await controller.ProcessNextAsync(CancellationToken.None);
        Assert.Equal(1, queue.NumRequeues(Key));
        _time.Advance(TimeSpan.FromMilliseconds(5));
        await controller.ProcessNextAsync(CancellationToken.None);
        Assert.Equal(2, queue.NumRequeues(Key));

        _time.Advance(TimeSpan.FromMilliseconds(9)); // second retry waits 10 ms
        Assert.Equal(0, queue.Length);
        _time.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, queue.Length);
        Assert.Equal(2, _counters.Errors);
        Assert.Contains(_logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("ACME unreachable", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ExceptionBecomesFailureAndWorkerContinues()
    {
        var reconciler = new ScriptedReconciler((key, _) => key.Name == "bad"
            ? throw new InvalidOperationException("bug")
            : Task.FromResult(ReconcileResult.Success()));
        var (controller, queue) = Build(reconciler);
        queue.Add(new ObjectKey("ns", "bad"));
        queue.Add(new ObjectKey("ns", "good"));

        Assert.True(await controller.ProcessNextAsync(CancellationToken.None));
        Assert.True(await controller.ProcessNextAsync(CancellationToken.None));

        Assert.Equal(2, reconciler.Calls);
        Assert.Equal(1, _counters.Errors);
        Assert.Equal(1, queue.NumRequeues(new ObjectKey("ns", "bad")));
        Assert.Equal(0, queue.NumRequeues(new ObjectKey("ns", "good")));
    }

    [Fact]
    public async Task EachReconcileLogsInsideAScopeWithKeyAndCorrelationId()
    {
        var reconciler = new ScriptedReconciler((_, _) => Task.FromResult(ReconcileResult.Failure("nope")));
        var (controller, queue) = Build(reconciler);
        queue.Add(Key);
        await controller.ProcessNextAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromSeconds(1));
        await controller.ProcessNextAsync(CancellationToken.None);

        var scoped = _logger.Entries.Where(e => e.Scope.ContainsKey("ReconcileId")).ToList();
        Assert.Equal(2, scoped.Count);
        Assert.All(scoped, e =>
        {
            Assert.Equal("ns", e.Scope["Namespace"]);
            Assert.Equal("cert", e.Scope["Name"]);
            Assert.Equal("test", e.Scope["Controller"]);
        });
        Assert.NotEqual(scoped[0].Scope["ReconcileId"], scoped[1].Scope["ReconcileId"]);
    }

    [Fact]
    public async Task WorkersNeverReconcileTheSameKeyConcurrently()
    {
        var inFlight = new ConcurrentDictionary<ObjectKey, int>();
        var overlap = 0;
        var done = 0;
        var reconciler = new ScriptedReconciler(async (key, _) =>
        {
            if (inFlight.AddOrUpdate(key, 1, (_, n) => n + 1) > 1)
            {
                Interlocked.Increment(ref overlap);
            }

            await Task.Delay(1);
            inFlight.AddOrUpdate(key, 0, (_, n) => n - 1);
            Interlocked.Increment(ref done);
            return ReconcileResult.Success();
        });
        var (controller, queue) = Build(reconciler, workers: 4);
        using var cts = new CancellationTokenSource();
        var run = controller.RunAsync(cts.Token);

        var keys = Enumerable.Range(0, 5).Select(i => new ObjectKey("ns", "k" + i)).ToList();
        for (var round = 0; round < 40; round++)
        {
            foreach (var k in keys)
            {
                queue.Add(k);
            }

            await Task.Yield();
        }

        await Eventually.TrueAsync(() => queue.Length == 0 && inFlight.Values.All(v => v == 0) && Volatile.Read(ref done) >= keys.Count, "queue drained");
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Equal(0, Volatile.Read(ref overlap));
        Assert.True(queue.IsShuttingDown);
    }

    [Fact]
    public async Task CancellationDuringReconcileIsNotCountedAsFailure()
    {
        using var cts = new CancellationTokenSource();
        var reconciler = new ScriptedReconciler(async (_, _) =>
        {
            await cts.CancelAsync();
            cts.Token.ThrowIfCancellationRequested();
            return ReconcileResult.Success();
        });
        var (controller, queue) = Build(reconciler);
        queue.Add(Key);

        await controller.ProcessNextAsync(cts.Token);

        Assert.Equal(0, _counters.Errors);
        Assert.Equal(0, queue.NumRequeues(Key));
    }

    [Fact]
    public async Task RunAsyncReturnsWhenCancelled()
    {
        var (controller, _) = Build(new ScriptedReconciler((_, _) => Task.FromResult(ReconcileResult.Success())), workers: 3);
        using var cts = new CancellationTokenSource();
        var run = controller.RunAsync(cts.Token);
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(run.IsCompletedSuccessfully);
    }
}
