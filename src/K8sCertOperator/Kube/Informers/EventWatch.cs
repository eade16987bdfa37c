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
    private static readonly TimeSpan HealthyWatchDuration = TimeSpan.FromSeconds(10);

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

    private async Task RunNamespaceAsync(string? @namespace, CancellationToken cancellationToken)
    {
        var failures = 0;
        var listedOnce = false;
        string? resourceVersion = null;
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = _time.GetTimestamp();
            var sawEvent = false;
            try
            {
                if (resourceVersion is null)
                {
                    resourceVersion = await ListAsync(@namespace, cancellationToken).ConfigureAwait(false);
                    if (!listedOnce && Interlocked.Increment(ref _listed) == _namespaces.Count)
                    {
                        _synced.TrySetResult();
                    }
                    listedOnce = true;
                }

                var events = _api.WatchAsync(@namespace, _options.LabelSelector, resourceVersion, allowBookmarks: true, _options.WatchTimeout, cancellationToken);
                await foreach (var (type, obj) in events.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    sawEvent = true;
                    if (type is WatchEventKind.Added or WatchEventKind.Modified or WatchEventKind.Deleted)
                    {
                        Raise(obj);
                    }
                    resourceVersion = string.IsNullOrEmpty(obj.Metadata?.ResourceVersion) ? resourceVersion : obj.Metadata.ResourceVersion;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.Gone)
            {
                _logger.LogInformation("Watch of {Resource} expired (410 Gone); relisting", typeof(T).Name);
                resourceVersion = null;
            }
#pragma warning disable CA1031 // the loop must survive any transport or server failure
            catch (Exception e)
#pragma warning restore CA1031
            {
                _logger.LogWarning(e, "List/watch of {Resource} failed", typeof(T).Name);
            }

            if (sawEvent || _time.GetElapsedTime(started) >= HealthyWatchDuration)
            {
                failures = 0;
                continue;
            }

            failures++;
            try
            {
                await Task.Delay(_options.Backoff.Delay(failures, Random.Shared.NextDouble()), _time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    private async Task<string?> ListAsync(string? @namespace, CancellationToken cancellationToken)
    {
        var list = await _api.ListAsync(@namespace, _options.LabelSelector, cancellationToken).ConfigureAwait(false);
        foreach (var obj in list.Items)
        {
            Raise(obj);
        }
        _logger.LogDebug("Listed {Count} {Resource} at resourceVersion {ResourceVersion}", list.Items.Count, typeof(T).Name, list.ResourceVersion);
        // An empty resourceVersion would make the next round list again; "0" is not a position, so keep what the server sent.
        return list.ResourceVersion ?? string.Empty;
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
