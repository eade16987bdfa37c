using k8s;
using k8s.Models;
using K8sCertOperator.Api;

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

    /// <param name="wire">Renames for a non-native API flavor (annotation/label keys); null for the native one.</param>
    public static IResourceApi<V1Secret> Secrets(IKubernetes client, WireNames? wire = null) =>
        new ResourceApi<V1Secret>(new KubeTransport(client), SecretPath, wire: wire);

    /// <summary>Secrets as metadata only (no data): for watching Secrets the operator does not cache.</summary>
    public static IResourceApi<PartialObjectMetadata> SecretMetadata(IKubernetes client, WireNames? wire = null) =>
        new ResourceApi<PartialObjectMetadata>(new KubeTransport(client), SecretPath, metadataOnly: true, wire);

    public static IResourceApi<V1Service> Services(IKubernetes client, WireNames? wire = null) =>
        new ResourceApi<V1Service>(new KubeTransport(client), ServicePath, wire: wire);

    public static IResourceApi<Corev1Event> Events(IKubernetes client, WireNames? wire = null) =>
        new ResourceApi<Corev1Event>(new KubeTransport(client), EventPath, wire: wire);

    public static IResourceApi<V1Ingress> Ingresses(IKubernetes client, WireNames? wire = null) =>
        new ResourceApi<V1Ingress>(new KubeTransport(client), IngressPath, wire: wire);

    public static IResourceApi<V1Lease> Leases(IKubernetes client) => new ResourceApi<V1Lease>(new KubeTransport(client), LeasePath);

    /// <summary>A custom resource whose group, version and plural come from its [KubernetesEntity].</summary>
    public static IResourceApi<T> Custom<T>(IKubernetes client, bool clusterScoped = false)
        where T : class, IKubernetesObject<V1ObjectMeta> =>
        new ResourceApi<T>(new KubeTransport(client), ResourcePath.Of<T>(clusterScoped));

    /// <summary>
    /// A custom resource served in <paramref name="flavor"/>: the group of its [KubernetesEntity] renamed (k8scert.io
    /// to cert-manager.io), and its objects' names renamed on the way in and out; other groups are left as they are.
    /// </summary>
    public static IResourceApi<T> Custom<T>(IKubernetes client, ApiFlavor flavor, bool clusterScoped = false)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(flavor);
        var native = ResourcePath.Of<T>(clusterScoped);
        return new ResourceApi<T>(new KubeTransport(client), native with { Group = flavor.ToWireDomain(native.Group) }, wire: WireNames.For(flavor));
    }
}
