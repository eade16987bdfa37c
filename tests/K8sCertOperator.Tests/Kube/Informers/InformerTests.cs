using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Tests.Kube.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sCertOperator.Tests.Kube.Informers;

public sealed class InformerTests : IAsyncDisposable
{
    private readonly FakeResourceApi<V1Secret> _api = new();
    private readonly CancellationTokenSource _cts = new();
    private readonly ConcurrentQueue<string> _events = new();
    private Informer<V1Secret>? _informer;
    private Task? _run;

    private static V1Secret Secret(string ns, string name, Dictionary<string, string>? labels = null) => new()
    {
        Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name, Labels = labels },
        Data = new Dictionary<string, byte[]> { ["k"] = [1] },
    };

    private static readonly Dictionary<string, string> Managed = new() { ["k8scert.io/managed"] = "true" };

    private async Task<Informer<V1Secret>> StartAsync(InformerOptions? options = null)
    {
        options ??= new InformerOptions();
        options = options with { Backoff = new K8sCertOperator.Kube.ExponentialBackoff(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(20)) };
        _informer = new Informer<V1Secret>(_api, options, NullLogger.Instance);
        _informer.OnAdd += s => _events.Enqueue($"add {ObjectKey.From(s)}");
        _informer.OnUpdate += (o, n) => _events.Enqueue($"update {ObjectKey.From(n)} {o.ResourceVersion()}->{n.ResourceVersion()}");
        _informer.OnDelete += s => _events.Enqueue($"delete {ObjectKey.From(s)}");
        _run = _informer.RunAsync(_cts.Token);
        await _informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        await Eventually.TrueAsync(() => _api.ActiveWatches == 1, "watch opened");
        return _informer;
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        if (_run is not null)
        {
            await _run.WaitAsync(TimeSpan.FromSeconds(20));
        }

        _cts.Dispose();
    }

    [Fact]
    public async Task InitialListFillsCacheAndWatchStartsAtListVersion()
    {
        await _api.CreateAsync(Secret("ns", "a"), default);
        await _api.CreateAsync(Secret("ns", "b"), default);
        var listVersion = _api.CurrentResourceVersion;

        var informer = await StartAsync();

        Assert.True(informer.HasSynced);
        Assert.Equal(2, informer.List().Count);
        Assert.Equal([listVersion], _api.WatchResourceVersions);
        Assert.Equal(["add ns/a", "add ns/b"], _events.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task WatchEventsUpdateCacheAndNotifyHandlers()
    {
        var informer = await StartAsync();

        var created = await _api.CreateAsync(Secret("ns", "s"), default);
        await Eventually.TrueAsync(() => informer.Get(new ObjectKey("ns", "s")) is not null, "add seen");

        created.Data["k"] = [2];
        var replaced = await _api.ReplaceAsync(created, default);
        await Eventually.TrueAsync(() => informer.Get(new ObjectKey("ns", "s"))?.ResourceVersion() == replaced.ResourceVersion(), "update seen");

        await _api.DeleteAsync("ns", "s", default);
        await Eventually.TrueAsync(() => _events.Contains("delete ns/s") && informer.LastResourceVersion == _api.CurrentResourceVersion, "delete seen");
        Assert.Null(informer.Get(new ObjectKey("ns", "s")));

        Assert.Equal(
            ["add ns/s", $"update ns/s {created.ResourceVersion()}->{replaced.ResourceVersion()}", "delete ns/s"],
            _events.ToArray());
        Assert.Equal(_api.CurrentResourceVersion, informer.LastResourceVersion);
    }

    [Fact]
    public async Task ClosedWatchResumesFromLastSeenVersionWithoutRelisting()
    {
        var informer = await StartAsync();
        var created = await _api.CreateAsync(Secret("ns", "s"), default);
        await Eventually.TrueAsync(() => informer.LastResourceVersion == created.ResourceVersion(), "event seen");

        _api.EndAllWatches();
        await Eventually.TrueAsync(() => _api.WatchResourceVersions.Count == 2 && _api.ActiveWatches == 1, "rewatched");

        Assert.Equal(created.ResourceVersion(), _api.WatchResourceVersions[1]);
        Assert.Equal(1, _api.ListCalls);
        Assert.Single(_events); // no duplicate add after the reconnect
    }

    [Fact]
    public async Task BookmarkAdvancesTheResumeVersion()
    {
        var informer = await StartAsync();
        _api.SendBookmark();
        var bookmarkVersion = _api.CurrentResourceVersion;
        await Eventually.TrueAsync(() => informer.LastResourceVersion == bookmarkVersion, "bookmark seen");

        _api.EndAllWatches();
        await Eventually.TrueAsync(() => _api.WatchResourceVersions.Count == 2, "rewatched");

        Assert.Equal(bookmarkVersion, _api.WatchResourceVersions[1]);
        Assert.Empty(_events); // a bookmark is not an object change
        Assert.Empty(informer.List());
    }

    [Fact]
    public async Task GoneTriggersRelistThatDeletesVanishedObjectsAndAddsNewOnes()
    {
        await _api.CreateAsync(Secret("ns", "stays"), default);
        await _api.CreateAsync(Secret("ns", "vanishes"), default);
        var informer = await StartAsync();
        Assert.Equal(2, informer.List().Count);

        // Changes the informer never sees as events, then history is compacted away (410 Gone).
        _api.DeleteSilently("ns", "vanishes");
        _api.CompactAndExpireWatches();
        await _api.CreateAsync(Secret("ns", "arrives"), default);

        await Eventually.TrueAsync(() => _api.ListCalls == 2, "relisted");
        await Eventually.TrueAsync(() => _events.Contains("add ns/arrives") && _events.Contains("delete ns/vanishes"), "relist diff delivered");
        Assert.NotNull(informer.Get(new ObjectKey("ns", "arrives")));

        Assert.Null(informer.Get(new ObjectKey("ns", "vanishes")));
        Assert.NotNull(informer.Get(new ObjectKey("ns", "stays")));
        Assert.Contains("delete ns/vanishes", _events);
        Assert.Contains("add ns/arrives", _events);
        Assert.DoesNotContain(_events, e => e.StartsWith("update ns/stays", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WatchFailuresAreRetriedFromTheSameVersion()
    {
        _api.FailNextWatches(new HttpRequestException("connection refused"), new IOException("reset"), new KubeApiException(KubeApiErrorKind.Other, System.Net.HttpStatusCode.InternalServerError, "500"));
        var informer = await StartAsync();

        Assert.Equal(4, _api.WatchResourceVersions.Count);
        Assert.All(_api.WatchResourceVersions, rv => Assert.Equal(_api.WatchResourceVersions[0], rv));
        Assert.Equal(1, _api.ListCalls);

        await _api.CreateAsync(Secret("ns", "after-failures"), default);
        await Eventually.TrueAsync(() => informer.Get(new ObjectKey("ns", "after-failures")) is not null, "watch works after retries");
    }

    [Fact]
    public async Task LabelSelectorKeepsUnrelatedObjectsOutOfTheCache()
    {
        var informer = await StartAsync(new InformerOptions { LabelSelector = "k8scert.io/managed=true" });

        await _api.CreateAsync(Secret("ns", "unrelated"), default);
        await _api.CreateAsync(Secret("ns", "ours", Managed), default);
        await Eventually.TrueAsync(() => _events.Contains("add ns/ours"), "managed secret cached");

        Assert.Single(informer.List());
        Assert.Equal(["add ns/ours"], _events.ToArray());
    }

    [Fact]
    public async Task NamespaceScopeIgnoresOtherNamespaces()
    {
        await _api.CreateAsync(Secret("team-a", "x"), default);
        await _api.CreateAsync(Secret("team-b", "y"), default);
        var informer = await StartAsync(new InformerOptions { Namespace = "team-a" });

        await _api.CreateAsync(Secret("team-b", "z"), default);
        await _api.CreateAsync(Secret("team-a", "w"), default);
        await Eventually.TrueAsync(() => informer.List().Count == 2, "team-a objects cached");

        Assert.All(informer.List(), s => Assert.Equal("team-a", s.Namespace()));
    }

    [Fact]
    public async Task ThrowingHandlerDoesNotStopOtherHandlersOrTheWatch()
    {
        var informer = await StartAsync();
        informer.OnAdd += _ => throw new InvalidOperationException("handler bug");
        var seenBySecond = 0;
        informer.OnAdd += _ => Interlocked.Increment(ref seenBySecond);

        await _api.CreateAsync(Secret("ns", "one"), default);
        await _api.CreateAsync(Secret("ns", "two"), default);
        await Eventually.TrueAsync(() => Volatile.Read(ref seenBySecond) == 2, "later handler still runs");
        Assert.Equal(2, informer.List().Count);
    }

    [Fact]
    public async Task IndexQueriesSeeWatchedObjects()
    {
        var informer = await StartAsync();
        informer.AddIndex("byData", s => s.Data?.Keys ?? (IEnumerable<string>)[]);
        await _api.CreateAsync(Secret("ns", "s"), default);
        await Eventually.TrueAsync(() => informer.ByIndex("byData", "k").Count == 1, "indexed");
    }

    [Fact]
    public async Task CancellationStopsRunAsync()
    {
        await StartAsync();
        await _cts.CancelAsync();
        await _run!.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.True(_run.IsCompletedSuccessfully);
    }
}
