using System.Collections.Concurrent;
using k8s.Models;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Tests.Kube.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sCertOperator.Tests.Kube.Informers;

/// <summary>The cache-less list/watch: every object seen is reported once per event and then dropped.</summary>
public sealed class EventWatchTests : IAsyncDisposable
{
    private readonly FakeResourceApi<PartialObjectMetadata> _api = new();
    private readonly CancellationTokenSource _cts = new();
    private readonly ConcurrentQueue<string> _events = new();
    private Task? _run;

    private static PartialObjectMetadata Secret(string ns, string name) => new() { Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name } };

    private async Task StartAsync(params string?[] namespaces)
    {
        var options = new InformerOptions { Backoff = new ExponentialBackoff(TimeSpan.FromMilliseconds(1), TimeSpan.FromMilliseconds(20)) };
        var watch = new EventWatch<PartialObjectMetadata>(_api, namespaces, options, NullLogger.Instance);
        watch.OnChange += s => _events.Enqueue(ObjectKey.From(s).ToString());
        _run = watch.RunAsync(_cts.Token);
        await watch.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));
        await Eventually.TrueAsync(() => _api.ActiveWatches == namespaces.Length, "watches opened");
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
    public async Task ListedCreatedChangedAndDeletedObjectsAreEachReported()
    {
        await _api.CreateAsync(Secret("ns", "before"), default);
        await StartAsync("ns");
        Assert.Equal(["ns/before"], _events);

        var created = await _api.CreateAsync(Secret("ns", "s"), default);
        await _api.ReplaceAsync(created, default);
        await _api.DeleteAsync("ns", "s", default);

        await Eventually.TrueAsync(() => _events.Count == 4, "three watch events");
        Assert.Equal(["ns/before", "ns/s", "ns/s", "ns/s"], _events);
    }

    [Fact]
    public async Task AnExpiredWatchRelistsAndReportsEveryObjectAgain()
    {
        await _api.CreateAsync(Secret("ns", "a"), default);
        await StartAsync("ns");

        _api.CompactAndExpireWatches();

        await Eventually.TrueAsync(() => _api.ListCalls == 2 && _events.Count == 2, "relisted after 410");
        Assert.Equal(["ns/a", "ns/a"], _events);
    }

    [Fact]
    public async Task EachNamespaceIsListedAndWatched()
    {
        await _api.CreateAsync(Secret("scope", "x"), default);
        await _api.CreateAsync(Secret("operator", "y"), default);
        await _api.CreateAsync(Secret("elsewhere", "z"), default);

        await StartAsync("scope", "operator");

        Assert.Equal(["operator/y", "scope/x"], _events.Order(StringComparer.Ordinal));
    }
}
