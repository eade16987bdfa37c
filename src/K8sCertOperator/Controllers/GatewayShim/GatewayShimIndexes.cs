using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Controllers.Shims;

namespace K8sCertOperator.Controllers.GatewayShim;

/// <summary>Informer indexes the gateway-shim adds besides the Certificate ones (<see cref="ShimSource{T}"/>): Gateways and ListenerSets by Secret, ListenerSets by parent.</summary>
public static class GatewayShimIndexes
{
    /// <summary>Gateways by "namespace/secret" of each listener certificateRef (a Certificate of that name concerns them).</summary>
    public const string GatewaysBySecret = "k8scert.io/gateway-tls-secret";

    /// <summary>ListenerSets by "namespace/secret" of each listener certificateRef.</summary>
    public const string ListenerSetsBySecret = "k8scert.io/listenerset-tls-secret";

    /// <summary>
    /// ListenerSets by "namespace/secret" as well, kept by the Gateway controller (each controller owns its indexes):
    /// a Certificate change reaches the parent Gateways of the ListenerSets that name it.
    /// </summary>
    public const string AttachedListenerSetsBySecret = "k8scert.io/attached-listenerset-tls-secret";

    /// <summary>ListenerSets by "namespace/name" of the Gateway their parentRef names.</summary>
    public const string ListenerSetsByGateway = "k8scert.io/listenerset-gateway";

    /// <summary>"namespace/secret" of every Secret the listeners name (in their own namespace unless the ref says otherwise).</summary>
    public static IEnumerable<string> SecretKeys(string? @namespace, IEnumerable<GatewayListener>? listeners) =>
        (listeners ?? [])
            .SelectMany(l => l.Tls?.CertificateRefs ?? [])
            .Where(r => !string.IsNullOrEmpty(r.Name))
            .Select(r => ShimIndexKeys.Of(string.IsNullOrEmpty(r.Namespace) ? @namespace : r.Namespace, r.Name))
            .Distinct(StringComparer.Ordinal);

    /// <summary>"namespace/secret" of every Secret a Gateway's listeners name.</summary>
    public static IEnumerable<string> SecretKeys(Gateway gateway)
    {
        ArgumentNullException.ThrowIfNull(gateway);
        return SecretKeys(gateway.Metadata.NamespaceProperty, gateway.Spec?.Listeners);
    }

    /// <summary>"namespace/secret" of every Secret a ListenerSet's listeners name.</summary>
    public static IEnumerable<string> SecretKeys(ListenerSet listenerSet)
    {
        ArgumentNullException.ThrowIfNull(listenerSet);
        return SecretKeys(listenerSet.Metadata.NamespaceProperty, listenerSet.Spec?.Listeners);
    }

    public static IEnumerable<string> ParentKeys(ListenerSet listenerSet) =>
        ListenerSetParent.GatewayKey(listenerSet) is { } parent ? [ShimIndexKeys.Of(parent.Namespace, parent.Name)] : [];
}
