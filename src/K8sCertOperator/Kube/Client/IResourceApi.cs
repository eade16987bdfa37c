using k8s;
using k8s.Models;

namespace K8sCertOperator.Kube.Client;

/// <summary>
/// The narrow slice of the API server a controller needs for one resource type.
/// Failures surface as <see cref="KubeApiException"/> (NotFound, Conflict, AlreadyExists, Gone).
/// A null namespace means "all namespaces" for list/watch and "cluster-scoped" for single objects.
/// </summary>
public interface IResourceApi<T>
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    Task<ResourceList<T>> ListAsync(string? @namespace, string? labelSelector, CancellationToken cancellationToken);

    /// <summary>
    /// Streams watch events after <paramref name="resourceVersion"/>. Ends when the server closes the watch;
    /// throws <see cref="KubeApiException"/> with kind Gone when the resourceVersion is too old.
    /// </summary>
    IAsyncEnumerable<(WatchEventKind Type, T Object)> WatchAsync(
        string? @namespace,
        string? labelSelector,
        string? resourceVersion,
        bool allowBookmarks,
        TimeSpan? timeout,
        CancellationToken cancellationToken);

    /// <summary>The object, or null when it does not exist.</summary>
    Task<T?> GetAsync(string? @namespace, string name, CancellationToken cancellationToken);

    Task<T> CreateAsync(T obj, CancellationToken cancellationToken);

    /// <summary>PUT; the object's resourceVersion (if set) is the optimistic-concurrency precondition.</summary>
    Task<T> ReplaceAsync(T obj, CancellationToken cancellationToken);

    /// <summary>PUT to the status subresource.</summary>
    Task<T> ReplaceStatusAsync(T obj, CancellationToken cancellationToken);

    /// <summary>JSON merge patch (RFC 7386) of the main resource.</summary>
    Task<T> PatchAsync(string? @namespace, string name, string mergePatchJson, CancellationToken cancellationToken);

    /// <summary>JSON merge patch of the status subresource.</summary>
    Task<T> PatchStatusAsync(string? @namespace, string name, string mergePatchJson, CancellationToken cancellationToken);

    /// <summary>Deletes; returns false when it was already gone.</summary>
    Task<bool> DeleteAsync(string? @namespace, string name, CancellationToken cancellationToken);
}
