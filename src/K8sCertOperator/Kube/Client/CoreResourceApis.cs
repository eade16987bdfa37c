using k8s;
using k8s.Models;

namespace K8sCertOperator.Kube.Client;

/// <summary>Factories for the built-in types the operator touches: Secret, Service, Event (core/v1), Ingress (networking.k8s.io/v1), Lease.</summary>
public static class CoreResourceApis
{

    /// <summary>V1Secret API; never disposes <paramref name="client"/>.</summary>
    public static IResourceApi<V1Secret> Secrets(IKubernetes client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var c = client;
        return new BuiltInResourceApi<V1Secret, V1SecretList>(new BuiltInOperations<V1Secret, V1SecretList>(
            ListNamespaced: (s, r, ct) => c.CoreV1.ListNamespacedSecretWithHttpMessagesAsync(
                s, allowWatchBookmarks: r.AllowBookmarks, labelSelector: r.LabelSelector, resourceVersion: r.ResourceVersion,
                timeoutSeconds: r.TimeoutSeconds, watch: r.Watch ? true : null, cancellationToken: ct),
            ListAllNamespaces: (r, ct) => c.CoreV1.ListSecretForAllNamespacesWithHttpMessagesAsync(
                allowWatchBookmarks: r.AllowBookmarks, labelSelector: r.LabelSelector, resourceVersion: r.ResourceVersion,
                timeoutSeconds: r.TimeoutSeconds, watch: r.Watch ? true : null, cancellationToken: ct),
            Read: (s, n, ct) => c.CoreV1.ReadNamespacedSecretWithHttpMessagesAsync(n, s, cancellationToken: ct),
            Create: (o, s, ct) => c.CoreV1.CreateNamespacedSecretWithHttpMessagesAsync(o, s, cancellationToken: ct),
            Replace: (o, n, s, ct) => c.CoreV1.ReplaceNamespacedSecretWithHttpMessagesAsync(o, n, s, cancellationToken: ct),
            ReplaceStatus: null,
            Patch: (p, n, s, ct) => c.CoreV1.PatchNamespacedSecretWithHttpMessagesAsync(p, n, s, cancellationToken: ct),
            PatchStatus: null,
            Delete: async (n, s, ct) => await c.CoreV1.DeleteNamespacedSecretWithHttpMessagesAsync(n, s, cancellationToken: ct).ConfigureAwait(false)));
    }

    /// <summary>V1Service API; never disposes <paramref name="client"/>.</summary>
    public static IResourceApi<V1Service> Services(IKubernetes client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var c = client;
        return new BuiltInResourceApi<V1Service, V1ServiceList>(new BuiltInOperations<V1Service, V1ServiceList>(
            ListNamespaced: (s, r, ct) => c.CoreV1.ListNamespacedServiceWithHttpMessagesAsync(
                s, allowWatchBookmarks: r.AllowBookmarks, labelSelector: r.LabelSelector, resourceVersion: r.ResourceVersion,
                timeoutSeconds: r.TimeoutSeconds, watch: r.Watch ? true : null, cancellationToken: ct),
            ListAllNamespaces: (r, ct) => c.CoreV1.ListServiceForAllNamespacesWithHttpMessagesAsync(
                allowWatchBookmarks: r.AllowBookmarks, labelSelector: r.LabelSelector, resourceVersion: r.ResourceVersion,
                timeoutSeconds: r.TimeoutSeconds, watch: r.Watch ? true : null, cancellationToken: ct),
            Read: (s, n, ct) => c.CoreV1.ReadNamespacedServiceWithHttpMessagesAsync(n, s, cancellationToken: ct),
            Create: (o, s, ct) => c.CoreV1.CreateNamespacedServiceWithHttpMessagesAsync(o, s, cancellationToken: ct),
            Replace: (o, n, s, ct) => c.CoreV1.ReplaceNamespacedServiceWithHttpMessagesAsync(o, n, s, cancellationToken: ct),
            ReplaceStatus: (o, n, s, ct) => c.CoreV1.ReplaceNamespacedServiceStatusWithHttpMessagesAsync(o, n, s, cancellationToken: ct),
            Patch: (p, n, s, ct) => c.CoreV1.PatchNamespacedServiceWithHttpMessagesAsync(p, n, s, cancellationToken: ct),
            PatchStatus: (p, n, s, ct) => c.CoreV1.PatchNamespacedServiceStatusWithHttpMessagesAsync(p, n, s, cancellationToken: ct),
            Delete: async (n, s, ct) => await c.CoreV1.DeleteNamespacedServiceWithHttpMessagesAsync(n, s, cancellationToken: ct).ConfigureAwait(false)));
    }

    /// <summary>Corev1Event API; never disposes <paramref name="client"/>.</summary>
    public static IResourceApi<Corev1Event> Events(IKubernetes client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var c = client;
        return new BuiltInResourceApi<Corev1Event, Corev1EventList>(new BuiltInOperations<Corev1Event, Corev1EventList>(
            ListNamespaced: (s, r, ct) => c.CoreV1.ListNamespacedEventWithHttpMessagesAsync(
                s, allowWatchBookmarks: r.AllowBookmarks, labelSelector: r.LabelSelector, resourceVersion: r.ResourceVersion,
                timeoutSeconds: r.TimeoutSeconds, watch: r.Watch ? true : null, cancellationToken: ct),
            ListAllNamespaces: (r, ct) => c.CoreV1.ListEventForAllNamespacesWithHttpMessagesAsync(
                allowWatchBookmarks: r.AllowBookmarks, labelSelector: r.LabelSelector, resourceVersion: r.ResourceVersion,
                timeoutSeconds: r.TimeoutSeconds, watch: r.Watch ? true : null, cancellationToken: ct),
            Read: (s, n, ct) => c.CoreV1.ReadNamespacedEventWithHttpMessagesAsync(n, s, cancellationToken: ct),
            Create: (o, s, ct) => c.CoreV1.CreateNamespacedEventWithHttpMessagesAsync(o, s, cancellationToken: ct),
            Replace: (o, n, s, ct) => c.CoreV1.ReplaceNamespacedEventWithHttpMessagesAsync(o, n, s, cancellationToken: ct),
            ReplaceStatus: null,
            Patch: (p, n, s, ct) => c.CoreV1.PatchNamespacedEventWithHttpMessagesAsync(p, n, s, cancellationToken: ct),
            PatchStatus: null,
            Delete: async (n, s, ct) => await c.CoreV1.DeleteNamespacedEventWithHttpMessagesAsync(n, s, cancellationToken: ct).ConfigureAwait(false)));
    }

    /// <summary>V1Ingress API; never disposes <paramref name="client"/>.</summary>
    public static IResourceApi<V1Ingress> Ingresses(IKubernetes client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var c = client;
        return new BuiltInResourceApi<V1Ingress, V1IngressList>(new BuiltInOperations<V1Ingress, V1IngressList>(
            ListNamespaced: (s, r, ct) => c.NetworkingV1.ListNamespacedIngressWithHttpMessagesAsync(
                s, allowWatchBookmarks: r.AllowBookmarks, labelSelector: r.LabelSelector, resourceVersion: r.ResourceVersion,
                timeoutSeconds: r.TimeoutSeconds, watch: r.Watch ? true : null, cancellationToken: ct),
            ListAllNamespaces: (r, ct) => c.NetworkingV1.ListIngressForAllNamespacesWithHttpMessagesAsync(
                allowWatchBookmarks: r.AllowBookmarks, labelSelector: r.LabelSelector, resourceVersion: r.ResourceVersion,
                timeoutSeconds: r.TimeoutSeconds, watch: r.Watch ? true : null, cancellationToken: ct),
            Read: (s, n, ct) => c.NetworkingV1.ReadNamespacedIngressWithHttpMessagesAsync(n, s, cancellationToken: ct),
            Create: (o, s, ct) => c.NetworkingV1.CreateNamespacedIngressWithHttpMessagesAsync(o, s, cancellationToken: ct),
            Replace: (o, n, s, ct) => c.NetworkingV1.ReplaceNamespacedIngressWithHttpMessagesAsync(o, n, s, cancellationToken: ct),
            ReplaceStatus: (o, n, s, ct) => c.NetworkingV1.ReplaceNamespacedIngressStatusWithHttpMessagesAsync(o, n, s, cancellationToken: ct),
            Patch: (p, n, s, ct) => c.NetworkingV1.PatchNamespacedIngressWithHttpMessagesAsync(p, n, s, cancellationToken: ct),
            PatchStatus: (p, n, s, ct) => c.NetworkingV1.PatchNamespacedIngressStatusWithHttpMessagesAsync(p, n, s, cancellationToken: ct),
            Delete: async (n, s, ct) => await c.NetworkingV1.DeleteNamespacedIngressWithHttpMessagesAsync(n, s, cancellationToken: ct).ConfigureAwait(false)));
    }

    /// <summary>V1Lease API; never disposes <paramref name="client"/>.</summary>
    public static IResourceApi<V1Lease> Leases(IKubernetes client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var c = client;
        return new BuiltInResourceApi<V1Lease, V1LeaseList>(new BuiltInOperations<V1Lease, V1LeaseList>(
            ListNamespaced: (s, r, ct) => c.CoordinationV1.ListNamespacedLeaseWithHttpMessagesAsync(
                s, allowWatchBookmarks: r.AllowBookmarks, labelSelector: r.LabelSelector, resourceVersion: r.ResourceVersion,
                timeoutSeconds: r.TimeoutSeconds, watch: r.Watch ? true : null, cancellationToken: ct),
            ListAllNamespaces: (r, ct) => c.CoordinationV1.ListLeaseForAllNamespacesWithHttpMessagesAsync(
                allowWatchBookmarks: r.AllowBookmarks, labelSelector: r.LabelSelector, resourceVersion: r.ResourceVersion,
                timeoutSeconds: r.TimeoutSeconds, watch: r.Watch ? true : null, cancellationToken: ct),
            Read: (s, n, ct) => c.CoordinationV1.ReadNamespacedLeaseWithHttpMessagesAsync(n, s, cancellationToken: ct),
            Create: (o, s, ct) => c.CoordinationV1.CreateNamespacedLeaseWithHttpMessagesAsync(o, s, cancellationToken: ct),
            Replace: (o, n, s, ct) => c.CoordinationV1.ReplaceNamespacedLeaseWithHttpMessagesAsync(o, n, s, cancellationToken: ct),
            ReplaceStatus: null,
            Patch: (p, n, s, ct) => c.CoordinationV1.PatchNamespacedLeaseWithHttpMessagesAsync(p, n, s, cancellationToken: ct),
            PatchStatus: null,
            Delete: async (n, s, ct) => await c.CoordinationV1.DeleteNamespacedLeaseWithHttpMessagesAsync(n, s, cancellationToken: ct).ConfigureAwait(false)));
    }
}
