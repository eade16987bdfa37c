using k8s;
using k8s.Models;
using K8sCertOperator.Kube.Client;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Kube.Informers;

/// <summary>
/// List-then-watch cache for one resource type. Resumes watches from the last resourceVersion
/// (bookmarks included), relists on 410 Gone (emitting deletes for objects that vanished), and
/// reconnects with capped exponential backoff plus jitter whenever a watch fails.
/// </summary>
public sealed class Informer<T> : IInformer<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IResourceApi<T> _api;
    private readonly InformerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly InformerCache<T> _cache = new();
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _lastResourceVersion;

    public Informer(IResourceApi<T> api, InformerOptions options, ILogger logger, TimeProvider? timeProvider = null)
    {
        _api = api ?? throw new ArgumentNullException(nameof(api));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _time = timeProvider ?? TimeProvider.System;
    }

    public event Action<T>? OnAdd;

    public event Action<T, T>? OnUpdate;

    public event Action<T>? OnDelete;

    public bool HasSynced => _synced.Task.IsCompleted;

    public string? LastResourceVersion => _lastResourceVersion;

    /// <summary>Number of list calls made so far (first sync plus relists); useful for diagnostics and tests.</summary>
    public int ListCount { get; private set; }

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    public void AddIndex(string name, Func<T, IEnumerable<string>> indexFunc) => _cache.AddIndex(name, indexFunc);

    public T? Get(ObjectKey key) => _cache.Get(key);

    public IReadOnlyList<T> List() => _cache.List();

    public IReadOnlyList<T> ByIndex(string indexName, string value) => _cache.ByIndex(indexName, value);

    /// <summary>Runs list/watch until cancelled. Never throws except <see cref="OperationCanceledException"/>.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        ListWatchLoop.RunAsync(typeof(T).Name, RelistAsync, WatchAsync, () => _lastResourceVersion, _options.Backoff, _time, _logger, cancellationToken);

    private async Task WatchAsync(Action sawEvent, CancellationToken cancellationToken)
    {
        var events = _api.WatchAsync(_options.Namespace, _options.LabelSelector, _lastResourceVersion, allowBookmarks: true, _options.WatchTimeout, cancellationToken);
        await foreach (var (type, obj) in events.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            sawEvent();
            HandleWatchEvent(type, obj);
        }
    }

    private async Task RelistAsync(CancellationToken cancellationToken)
    {
        var list = await _api.ListAsync(_options.Namespace, _options.LabelSelector, cancellationToken).ConfigureAwait(false);
        ListCount++;
        var deltas = _cache.Replace(list.Items.Select(CachedForm));
        _lastResourceVersion = list.ResourceVersion;
        foreach (var delta in deltas)
        {
            Dispatch(delta);
        }

        _synced.TrySetResult();
        _logger.LogDebug("Listed {Count} {Resource} at resourceVersion {ResourceVersion}", list.Items.Count, typeof(T).Name, list.ResourceVersion);
    }

    /// <summary>
    /// What the cache keeps: the object without metadata.managedFields, which no controller reads and which took more
    /// memory than many objects' own fields (an entry per writer, each listing every field it wrote). Writes built from
    /// a cached object leave managedFields out, and the API server then keeps the stored ones.
    /// </summary>
    internal static T CachedForm(T obj)
    {
        if (obj.Metadata is { ManagedFields: not null } metadata)
        {
            metadata.ManagedFields = null;
        }
        return obj;
    }

    private void HandleWatchEvent(WatchEventKind type, T obj)
    {
        if (obj is null)
        {
            return;
        }

        if (type != WatchEventKind.Bookmark && type != WatchEventKind.Error && _cache.Apply(type, CachedForm(obj)) is { } delta)
        {
            Dispatch(delta);
        }

        if (type != WatchEventKind.Error && !string.IsNullOrEmpty(obj.Metadata?.ResourceVersion))
        {
            _lastResourceVersion = obj.Metadata.ResourceVersion;
        }
    }

    private void Dispatch(CacheDelta<T> delta)
    {
        switch (delta.Type)
        {
            case CacheDeltaType.Added:
                Invoke(OnAdd, h => h(delta.Object));
                break;
            case CacheDeltaType.Updated:
                Invoke(OnUpdate, h => h(delta.Old!, delta.Object));
                break;
            case CacheDeltaType.Deleted:
                Invoke(OnDelete, h => h(delta.Object));
                break;
        }
    }

    // Each subscriber runs isolated: one throwing handler must not starve the others or kill the watch.
    private void Invoke<THandler>(THandler? handlers, Action<THandler> call)
        where THandler : Delegate
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<THandler>())
        {
            try
            {
                call(handler);
            }
#pragma warning disable CA1031
            catch (Exception e)
#pragma warning restore CA1031
            {
                _logger.LogError(e, "Event handler for {Resource} threw", typeof(T).Name);
            }
        }
    }
}
