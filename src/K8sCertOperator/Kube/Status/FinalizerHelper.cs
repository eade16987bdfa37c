using k8s;
using k8s.Models;
using K8sCertOperator.Kube.Client;

namespace K8sCertOperator.Kube.Status;

/// <summary>Adds or removes a finalizer with a merge patch; on a resourceVersion conflict re-reads and retries (bounded).</summary>
public static class FinalizerHelper
{
    private const int MaxAttempts = 5;

    public static bool Has(IKubernetesObject<V1ObjectMeta> obj, string finalizer) =>
        obj?.Metadata?.Finalizers?.Contains(finalizer, StringComparer.Ordinal) == true;

    /// <summary>Ensures the finalizer is present; returns the updated object (or null if it no longer exists).</summary>
    public static Task<T?> AddAsync<T>(IResourceApi<T> api, T obj, string finalizer, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        EnsureAsync(api, obj, finalizer, present: true, cancellationToken);

    /// <summary>Ensures the finalizer is absent; returns the updated object (or null if it no longer exists).</summary>
    public static Task<T?> RemoveAsync<T>(IResourceApi<T> api, T obj, string finalizer, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        EnsureAsync(api, obj, finalizer, present: false, cancellationToken);

    private static async Task<T?> EnsureAsync<T>(IResourceApi<T> api, T obj, string finalizer, bool present, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(obj);
        var key = ObjectKey.From(obj);
        var latest = obj;
        for (var attempt = 1; ; attempt++)
        {
            var patch = FinalizerPatch.Build(latest.Metadata?.Finalizers, finalizer, present, latest.ResourceVersion());
            if (patch is null)
            {
                return latest;
            }

            try
            {
                return await api.PatchAsync(key.Namespace, key.Name, patch, cancellationToken).ConfigureAwait(false);
            }
            catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.NotFound)
            {
                return null;
            }
            catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.Conflict && attempt < MaxAttempts)
            {
                var fresh = await api.GetAsync(key.Namespace, key.Name, cancellationToken).ConfigureAwait(false);
                if (fresh is null)
                {
                    return null;
                }

                latest = fresh;
            }
        }
    }
}
