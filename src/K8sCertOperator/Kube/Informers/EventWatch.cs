using k8s;
using k8s.Models;
using K8sCertOperator.Kube.Client;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Kube.Informers;

/// <summary>
/// List-then-watch that keeps nothing but the resourceVersion to resume from: each object seen is handed to
/// <see cref="OnChange"/> and dropped, so memory does not grow with the number of objects. A (re)list reports
/// every listed object as changed, since without a cache it cannot tell what changed while no watch was open.
/// One loop per namespace (null: all namespaces).
/// </summary>
public sealed class EventWatch<T> : IObjectEvents<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly IResourceApi<T> _api;
    private readonly IReadOnlyList<string?> _namespaces;
    private readonly InformerOptions _options;
    private readonly ILogger _logger;
    private readonly TimeProvider _time;
    private readonly TaskCompletionSource _synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _listed;

    public EventWatch(IResourceApi<T> api, IReadOnlyList<string?> namespaces, InformerOptions options, ILogger logger, TimeProvider? timeProvider = null)
    {
        _api = api ?? throw new ArgumentNullException(nameof(api));
        _namespaces = namespaces is { Count: > 0 } ? namespaces : throw new ArgumentException("at least one namespace (null for all)", nameof(namespaces));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _time = timeProvider ?? TimeProvider.System;
    }

    public event Action<T>? OnChange;

    /// <summary>Completes once every namespace has been listed once.</summary>
    public Task WaitForSyncAsync(CancellationToken cancellationToken) => _synced.Task.WaitAsync(cancellationToken);

    /// <summary>Runs until cancelled. Never throws except <see cref="OperationCanceledException"/>.</summary>
    public Task RunAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(_namespaces.Select(ns => Task.Run(() => RunNamespaceAsync(ns, cancellationToken), CancellationToken.None)));

    private Task RunNamespaceAsync(string? @namespace, CancellationToken cancellationToken)
    {
        var listedOnce = false;
        string? resourceVersion = null;

        async Task ListAsync(CancellationToken token)
        {
            var list = await _api.ListAsync(@namespace, _options.LabelSelector, token).ConfigureAwait(false);
            foreach (var obj in list.Items)
            {
                Raise(obj);
            }
            resourceVersion = list.ResourceVersion;
            if (!listedOnce && Interlocked.Increment(ref _listed) == _namespaces.Count)
            {
                _synced.TrySetResult();
            }
            listedOnce = true;
            _logger.LogDebug("Listed {Count} {Resource} at resourceVersion {ResourceVersion}", list.Items.Count, typeof(T).Name, list.ResourceVersion);
        }

        async Task WatchAsync(Action sawEvent, CancellationToken token)
        {
            var events = _api.WatchAsync(@namespace, _options.LabelSelector, resourceVersion, allowBookmarks: true, _options.WatchTimeout, token);
            await foreach (var (type, obj) in events.WithCancellation(token).ConfigureAwait(false))
            {
                sawEvent();
                if (type is WatchEventKind.Added or WatchEventKind.Modified or WatchEventKind.Deleted)
                {
                    Raise(obj);
                }
                resourceVersion = string.IsNullOrEmpty(obj.Metadata?.ResourceVersion) ? resourceVersion : obj.Metadata.ResourceVersion;
            }
        }

        return ListWatchLoop.RunAsync(typeof(T).Name, ListAsync, WatchAsync, () => resourceVersion, _options.Backoff, _time, _logger, cancellationToken);
    }

    // Each subscriber runs isolated: one throwing handler must not starve the others or end the watch.
    private void Raise(T obj)
    {
        if (OnChange is not { } handlers)
        {
            return;
        }
        foreach (var handler in handlers.GetInvocationList().Cast<Action<T>>())
        {
            try
            {
                handler(obj);
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
