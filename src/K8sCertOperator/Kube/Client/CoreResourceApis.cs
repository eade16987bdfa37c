using k8s;
using k8s.Models;

namespace K8sCertOperator.Kube.Client;

/// <summary>
/// The resources the operator touches: built-ins (Secret, Service, Event, Ingress, Lease) by their fixed
/// paths, custom resources by their [KubernetesEntity]. None of them disposes the shared <see cref="IKubernetes"/>.
/// </summary>
public static class CoreResourceApis
{
    public static readonly ResourcePath SecretPath = new(string.Empty, "v1", "secrets", Namespaced: true);
    public static readonly ResourcePath ServicePath = new(string.Empty, "v1", "services", Namespaced: true);
    public static readonly ResourcePath EventPath = new(string.Empty, "v1", "events", Namespaced: true);
    public static readonly ResourcePath IngressPath = new("networking.k8s.io", "v1", "ingresses", Namespaced: true);
    public static readonly ResourcePath LeasePath = new("coordination.k8s.io", "v1", "leases", Namespaced: true);

    public static IResourceApi<V1Secret> Secrets(IKubernetes client) => new ResourceApi<V1Secret>(new KubeTransport(client), SecretPath);

    /// <summary>Secrets as metadata only (no data): for watching Secrets the operator does not cache.</summary>
    public static IResourceApi<PartialObjectMetadata> SecretMetadata(IKubernetes client) =>
        new ResourceApi<PartialObjectMetadata>(new KubeTransport(client), SecretPath, metadataOnly: true);

    public static IResourceApi<V1Service> Services(IKubernetes client) => new ResourceApi<V1Service>(new KubeTransport(client), ServicePath);

    public static IResourceApi<Corev1Event> Events(IKubernetes client) => new ResourceApi<Corev1Event>(new KubeTransport(client), EventPath);

    public static IResourceApi<V1Ingress> Ingresses(IKubernetes client) => new ResourceApi<V1Ingress>(new KubeTransport(client), IngressPath);

    public static IResourceApi<V1Lease> Leases(IKubernetes client) => new ResourceApi<V1Lease>(new KubeTransport(client), LeasePath);

    /// <summary>A custom resource whose group, version and plural come from its [KubernetesEntity].</summary>
    public static IResourceApi<T> Custom<T>(IKubernetes client, bool clusterScoped = false)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        new ResourceApi<T>(new KubeTransport(client), ResourcePath.Of<T>(clusterScoped));
}
