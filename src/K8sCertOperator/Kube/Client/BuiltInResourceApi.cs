using k8s;
using k8s.Autorest;
using k8s.Models;

namespace K8sCertOperator.Kube.Client;

/// <summary><see cref="IResourceApi{T}"/> for a built-in namespaced type, driven by <see cref="BuiltInOperations{T, TList}"/>.</summary>
public sealed class BuiltInResourceApi<T, TList> : IResourceApi<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
    where TList : class, IItems<T>, IMetadata<V1ListMeta>
{
    private readonly BuiltInOperations<T, TList> _ops;

    public BuiltInResourceApi(BuiltInOperations<T, TList> operations)
    {
        _ops = operations ?? throw new ArgumentNullException(nameof(operations));
    }

    public async Task<ResourceList<T>> ListAsync(string? @namespace, string? labelSelector, CancellationToken cancellationToken)
    {
        var request = new ListRequest(labelSelector, null, false, null, null);
        var list = await KubeApiErrors.CallAsync(async () =>
        {
            using var r = await List(@namespace, request, cancellationToken).ConfigureAwait(false);
            return r.Body;
        }).ConfigureAwait(false);
        return new ResourceList<T>([.. (list?.Items ?? []).Select(TypeMeta.Ensure)], list?.Metadata?.ResourceVersion);
    }

    public IAsyncEnumerable<(WatchEventType Type, T Object)> WatchAsync(
        string? @namespace, string? labelSelector, string? resourceVersion, bool allowBookmarks, TimeSpan? timeout, CancellationToken cancellationToken)
    {
        int? timeoutSeconds = timeout is { } t ? (int)Math.Max(1, t.TotalSeconds) : null;
        var request = new ListRequest(labelSelector, resourceVersion, true, allowBookmarks, timeoutSeconds);
        return WatchStream.ReadAsync<T, TList>(() => List(@namespace, request, cancellationToken), cancellationToken);
    }

    public Task<T?> GetAsync(string? @namespace, string name, CancellationToken cancellationToken) =>
        KubeApiErrors.CallOrNullAsync(() => Body(_ops.Read(Ns(@namespace), name, cancellationToken)));

    public Task<T> CreateAsync(T obj, CancellationToken cancellationToken) =>
        KubeApiErrors.CallAsync(() => Body(_ops.Create(TypeMeta.Ensure(obj), Ns(obj.Namespace()), cancellationToken)));

    public Task<T> ReplaceAsync(T obj, CancellationToken cancellationToken) =>
        KubeApiErrors.CallAsync(() => Body(_ops.Replace(TypeMeta.Ensure(obj), obj.Name(), Ns(obj.Namespace()), cancellationToken)));

    public Task<T> ReplaceStatusAsync(T obj, CancellationToken cancellationToken)
    {
        var replace = _ops.ReplaceStatus ?? throw new NotSupportedException($"{typeof(T).Name} has no status subresource");
        return KubeApiErrors.CallAsync(() => Body(replace(TypeMeta.Ensure(obj), obj.Name(), Ns(obj.Namespace()), cancellationToken)));
    }

    public Task<T> PatchAsync(string? @namespace, string name, string mergePatchJson, CancellationToken cancellationToken) =>
        KubeApiErrors.CallAsync(() => Body(_ops.Patch(new V1Patch(mergePatchJson, V1Patch.PatchType.MergePatch), name, Ns(@namespace), cancellationToken)));

    public Task<T> PatchStatusAsync(string? @namespace, string name, string mergePatchJson, CancellationToken cancellationToken)
    {
        var patch = _ops.PatchStatus ?? throw new NotSupportedException($"{typeof(T).Name} has no status subresource");
        return KubeApiErrors.CallAsync(() => Body(patch(new V1Patch(mergePatchJson, V1Patch.PatchType.MergePatch), name, Ns(@namespace), cancellationToken)));
    }

    public async Task<bool> DeleteAsync(string? @namespace, string name, CancellationToken cancellationToken)
    {
        var deleted = await KubeApiErrors.CallOrNullAsync(async () =>
        {
            using var r = await _ops.Delete(name, Ns(@namespace), cancellationToken).ConfigureAwait(false);
            return new object();
        }).ConfigureAwait(false);
        return deleted is not null;
    }

    private Task<HttpOperationResponse<TList>> List(string? @namespace, ListRequest request, CancellationToken cancellationToken) =>
        @namespace is null ? _ops.ListAllNamespaces(request, cancellationToken) : _ops.ListNamespaced(@namespace, request, cancellationToken);

    private static async Task<T> Body(Task<HttpOperationResponse<T>> call)
    {
        using var r = await call.ConfigureAwait(false);
        return r.Body;
    }

    private static string Ns(string? @namespace) =>
        string.IsNullOrEmpty(@namespace) ? throw new ArgumentException("namespace is required for a namespaced resource") : @namespace;
}
