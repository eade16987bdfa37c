using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Controllers;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Solvers.Http01;

namespace K8sCertOperator.IntegrationTests.Fixtures.GatewayApi;

/// <summary>
/// Watches (through the API, from before the operator acts) every solver HTTPRoute and ReferenceGrant created, so a
/// test can check the shape of pieces that exist only while a challenge is pending.
/// </summary>
internal sealed class GatewayPieceRecorder : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _watches = [];

    private GatewayPieceRecorder()
    {
    }

    public ConcurrentQueue<HttpRoute> Routes { get; } = new();

    public ConcurrentQueue<ReferenceGrant> Grants { get; } = new();

    /// <summary>Starts both watches; returns once each has its starting point, so nothing created afterwards is missed.</summary>
    public static async Task<GatewayPieceRecorder> StartAsync(OperatorApis apis, CancellationToken ct)
    {
        var recorder = new GatewayPieceRecorder();
        recorder._watches.Add(await recorder.StartAsync(apis.HttpRoutes, recorder.Routes, ct));
        recorder._watches.Add(await recorder.StartAsync(apis.ReferenceGrants, recorder.Grants, ct));
        return recorder;
    }

    /// <summary>The recorded pieces in <paramref name="ns"/> (a real cluster may hold other tests' pieces too).</summary>
    public static IReadOnlyList<T> In<T>(IEnumerable<T> pieces, string ns)
        where T : IKubernetesObject<V1ObjectMeta> =>
        [.. pieces.Where(p => p.Metadata.NamespaceProperty == ns)];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WhenAll(_watches).ContinueWith(_ => { }, TaskScheduler.Default);
        _stop.Dispose();
    }

    private async Task<Task> StartAsync<T>(IResourceApi<T> api, ConcurrentQueue<T> into, CancellationToken ct)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        var selector = ChallengeSolverMetadata.LabelSelectorForAll();
        var resourceVersion = (await api.ListAsync(null, selector, ct)).ResourceVersion;
        return Task.Run(async () =>
        {
            // A watch may end at any time; resume from the last version seen.
            while (!_stop.IsCancellationRequested)
            {
                try
                {
                    await foreach (var (type, obj) in api.WatchAsync(null, selector, resourceVersion, false, TimeSpan.FromMinutes(5), _stop.Token))
                    {
                        resourceVersion = obj.Metadata?.ResourceVersion ?? resourceVersion;
                        if (type == WatchEventKind.Added)
                        {
                            into.Enqueue(obj);
                        }
                    }
                }
                catch (Exception e) when (e is OperationCanceledException or HttpRequestException or IOException)
                {
                    // Stopped, or the connection dropped: the loop decides.
                }
            }
        }, CancellationToken.None);
    }
}
