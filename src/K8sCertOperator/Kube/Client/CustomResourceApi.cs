using System.Reflection;
using k8s;
using k8s.Models;

namespace K8sCertOperator.Kube.Client;

/// <summary>
/// <see cref="IResourceApi{T}"/> for a custom resource through the CustomObjects API; group, version and
/// plural come from the <see cref="KubernetesEntityAttribute"/> on <typeparamref name="T"/>.
/// Does not own (and never disposes) the shared <see cref="IKubernetes"/>.
/// </summary>
public sealed class CustomResourceApi<T> : IResourceApi<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    private readonly ICustomObjectsOperations _ops;
    private readonly string _group;
    private readonly string _version;
    private readonly string _plural;
    private readonly bool _clusterScoped;

    public CustomResourceApi(IKubernetes client, bool clusterScoped = false)
    {
        ArgumentNullException.ThrowIfNull(client);
        var entity = typeof(T).GetCustomAttribute<KubernetesEntityAttribute>()
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no [KubernetesEntity] attribute");
        _ops = client.CustomObjects;
        _group = entity.Group ?? string.Empty;
        _version = entity.ApiVersion ?? throw new InvalidOperationException($"{typeof(T).Name}: KubernetesEntity.ApiVersion is required");
        _plural = string.IsNullOrEmpty(entity.PluralName) ? entity.Kind.ToLowerInvariant() + "s" : entity.PluralName;
        _clusterScoped = clusterScoped;
    }

    public async Task<ResourceList<T>> ListAsync(string? @namespace, string? labelSelector, CancellationToken cancellationToken)
    {
        var list = await KubeApiErrors.CallAsync(async () =>
        {
            using var response = await ListRequest(@namespace, labelSelector, null, false, null, null, cancellationToken).ConfigureAwait(false);
            return response.Body;
        }).ConfigureAwait(false);
        return new ResourceList<T>([.. (list?.Items ?? []).Select(TypeMeta.Ensure)], list?.Metadata?.ResourceVersion);
    }

    public IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string? @namespace, string? labelSelector, string? resourceVersion, bool allowBookmarks, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        int? timeoutSeconds = timeout is { } t ? (int)Math.Max(1, t.TotalSeconds) : null;
        return WatchStream.ReadAsync<T, CustomResourceList<T>>(
            () => ListRequest(@namespace, labelSelector, resourceVersion, true, allowBookmarks, timeoutSeconds, cancellationToken),
            cancellationToken);
    }

    public Task<T?> GetAsync(string? @namespace, string name, CancellationToken cancellationToken) =>
        KubeApiErrors.CallOrNullAsync(async () =>
        {
            using var r = _clusterScoped
                ? await _ops.GetClusterCustomObjectWithHttpMessagesAsync<T>(_group, _version, _plural, name, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await _ops.GetNamespacedCustomObjectWithHttpMessagesAsync<T>(_group, _version, Ns(@namespace), _plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
            return r.Body;
        });

    public Task<T> CreateAsync(T obj, CancellationToken cancellationToken) =>
        KubeApiErrors.CallAsync(async () =>
        {
            using var r = _clusterScoped
                ? await _ops.CreateClusterCustomObjectWithHttpMessagesAsync<T>(TypeMeta.Ensure(obj), _group, _version, _plural, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await _ops.CreateNamespacedCustomObjectWithHttpMessagesAsync<T>(TypeMeta.Ensure(obj), _group, _version, Ns(obj.Namespace()), _plural, cancellationToken: cancellationToken).ConfigureAwait(false);
            return r.Body;
        });

    public Task<T> ReplaceAsync(T obj, CancellationToken cancellationToken) =>
        KubeApiErrors.CallAsync(async () =>
        {
            using var r = _clusterScoped
                ? await _ops.ReplaceClusterCustomObjectWithHttpMessagesAsync<T>(TypeMeta.Ensure(obj), _group, _version, _plural, obj.Name(), cancellationToken: cancellationToken).ConfigureAwait(false)
                : await _ops.ReplaceNamespacedCustomObjectWithHttpMessagesAsync<T>(TypeMeta.Ensure(obj), _group, _version, Ns(obj.Namespace()), _plural, obj.Name(), cancellationToken: cancellationToken).ConfigureAwait(false);
            return r.Body;
        });

    public Task<T> ReplaceStatusAsync(T obj, CancellationToken cancellationToken) =>
        KubeApiErrors.CallAsync(async () =>
        {
            using var r = _clusterScoped
                ? await _ops.ReplaceClusterCustomObjectStatusWithHttpMessagesAsync<T>(TypeMeta.Ensure(obj), _group, _version, _plural, obj.Name(), cancellationToken: cancellationToken).ConfigureAwait(false)
                : await _ops.ReplaceNamespacedCustomObjectStatusWithHttpMessagesAsync<T>(TypeMeta.Ensure(obj), _group, _version, Ns(obj.Namespace()), _plural, obj.Name(), cancellationToken: cancellationToken).ConfigureAwait(false);
            return r.Body;
        });

    public Task<T> PatchAsync(string? @namespace, string name, string mergePatchJson, CancellationToken cancellationToken) =>
        KubeApiErrors.CallAsync(async () =>
        {
            var patch = new V1Patch(mergePatchJson, V1Patch.PatchType.MergePatch);
            using var r = _clusterScoped
                ? await _ops.PatchClusterCustomObjectWithHttpMessagesAsync<T>(patch, _group, _version, _plural, name, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await _ops.PatchNamespacedCustomObjectWithHttpMessagesAsync<T>(patch, _group, _version, Ns(@namespace), _plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
            return r.Body;
        });

    public Task<T> PatchStatusAsync(string? @namespace, string name, string mergePatchJson, CancellationToken cancellationToken) =>
        KubeApiErrors.CallAsync(async () =>
        {
            var patch = new V1Patch(mergePatchJson, V1Patch.PatchType.MergePatch);
            using var r = _clusterScoped
                ? await _ops.PatchClusterCustomObjectStatusWithHttpMessagesAsync<T>(patch, _group, _version, _plural, name, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await _ops.PatchNamespacedCustomObjectStatusWithHttpMessagesAsync<T>(patch, _group, _version, Ns(@namespace), _plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
            return r.Body;
        });

    public async Task<bool> DeleteAsync(string? @namespace, string name, CancellationToken cancellationToken)
    {
        var result = await KubeApiErrors.CallOrNullAsync(async () =>
        {
            using var r = _clusterScoped
                ? await _ops.DeleteClusterCustomObjectWithHttpMessagesAsync(_group, _version, _plural, name, cancellationToken: cancellationToken).ConfigureAwait(false)
                : await _ops.DeleteNamespacedCustomObjectWithHttpMessagesAsync(_group, _version, Ns(@namespace), _plural, name, cancellationToken: cancellationToken).ConfigureAwait(false);
            return r.Body ?? new object();
        }).ConfigureAwait(false);
        return result is not null;
    }

    private Task<k8s.Autorest.HttpOperationResponse<CustomResourceList<T>>> ListRequest(
        string? @namespace, string? labelSelector, string? resourceVersion, bool watch, bool? allowBookmarks, int? timeoutSeconds, CancellationToken cancellationToken)
    {
        if (_clusterScoped)
        {
            return _ops.ListClusterCustomObjectWithHttpMessagesAsync<CustomResourceList<T>>(
                _group, _version, _plural, allowWatchBookmarks: allowBookmarks, labelSelector: labelSelector,
                resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, watch: watch ? true : null, cancellationToken: cancellationToken);
        }

        return @namespace is null
            ? _ops.ListCustomObjectForAllNamespacesWithHttpMessagesAsync<CustomResourceList<T>>(
                _group, _version, _plural, allowWatchBookmarks: allowBookmarks, labelSelector: labelSelector,
                resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, watch: watch ? true : null, cancellationToken: cancellationToken)
            : _ops.ListNamespacedCustomObjectWithHttpMessagesAsync<CustomResourceList<T>>(
                _group, _version, @namespace, _plural, allowWatchBookmarks: allowBookmarks, labelSelector: labelSelector,
                resourceVersion: resourceVersion, timeoutSeconds: timeoutSeconds, watch: watch ? true : null, cancellationToken: cancellationToken);
    }

    private static string Ns(string? @namespace) =>
        string.IsNullOrEmpty(@namespace) ? throw new ArgumentException("namespace is required for a namespaced resource") : @namespace;
}
