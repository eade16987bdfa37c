using k8s.Autorest;
using k8s.Models;

namespace K8sCertOperator.Kube.Client;

/// <summary>
/// The generated KubernetesClient calls for one built-in namespaced type, as delegates, so one
/// <see cref="BuiltInResourceApi{T, TList}"/> serves Secret, Ingress, Service, Lease and Event alike.
/// Status delegates are null for types without a status subresource.
/// </summary>
public sealed record BuiltInOperations<T, TList>(
    Func<string, ListRequest, CancellationToken, Task<HttpOperationResponse<TList>>> ListNamespaced,
    Func<ListRequest, CancellationToken, Task<HttpOperationResponse<TList>>> ListAllNamespaces,
    Func<string, string, CancellationToken, Task<HttpOperationResponse<T>>> Read,
    Func<T, string, CancellationToken, Task<HttpOperationResponse<T>>> Create,
    Func<T, string, string, CancellationToken, Task<HttpOperationResponse<T>>> Replace,
    Func<T, string, string, CancellationToken, Task<HttpOperationResponse<T>>>? ReplaceStatus,
    Func<V1Patch, string, string, CancellationToken, Task<HttpOperationResponse<T>>> Patch,
    Func<V1Patch, string, string, CancellationToken, Task<HttpOperationResponse<T>>>? PatchStatus,
    Func<string, string, CancellationToken, Task<IDisposable>> Delete);
