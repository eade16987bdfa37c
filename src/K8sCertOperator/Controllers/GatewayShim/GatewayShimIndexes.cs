using K8sCertOperator.Api;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Controllers.Shims;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;

namespace K8sCertOperator.Controllers.GatewayShim;

/// <summary>Informer indexes the gateway-shim adds: Certificates by owner, Gateways and ListenerSets by Secret, ListenerSets by parent.</summary>
public static class GatewayShimIndexes
{
    public const string CertificatesByGatewayUid = "k8scert.io/certificate-gateway-uid";
    public const string CertificatesByGatewayName = "k8scert.io/certificate-gateway-name";
    public const string CertificatesByListenerSetUid = "k8scert.io/certificate-listenerset-uid";
    public const string CertificatesByListenerSetName = "k8scert.io/certificate-listenerset-name";

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

    /// <summary>Adds the owner indexes for <paramref name="ownership"/> on the Certificate informer.</summary>
    public static void AddOwnerIndexes(IInformer<Certificate> certificates, ShimOwnership ownership, string byUid, string byName)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        ArgumentNullException.ThrowIfNull(ownership);
        certificates.AddIndex(byUid, c => ownership.ControllerUids(c.Metadata));
        certificates.AddIndex(byName, c => ownership.ControllerKeys(c.Metadata).Select(k => ShimIndexKeys.Of(k.Namespace, k.Name)));
    }

    /// <summary>"namespace/secret" of every Secret the listeners name (in their own namespace unless the ref says otherwise).</summary>
    public static IEnumerable<string> SecretKeys(string? @namespace, IEnumerable<GatewayListener>? listeners) =>
        (listeners ?? [])
            .SelectMany(l => l.Tls?.CertificateRefs ?? [])
            .Where(r => !string.IsNullOrEmpty(r.Name))
            .Select(r => ShimIndexKeys.Of(string.IsNullOrEmpty(r.Namespace) ? @namespace : r.Namespace, r.Name))
            .Distinct(StringComparer.Ordinal);

    public static IEnumerable<string> ParentKeys(ListenerSet listenerSet) =>
        ListenerSetParent.GatewayKey(listenerSet) is { } parent ? [ShimIndexKeys.Of(parent.Namespace, parent.Name)] : [];

    /// <summary>Objects a Certificate change concerns: its controller, and those whose listeners name it (a conflicting one going away).</summary>
    public static IEnumerable<ObjectKey> KeysFor<T>(Certificate certificate, ShimOwnership ownership, IInformer<T> objects, string bySecret)
        where T : class, k8s.IKubernetesObject<k8s.Models.V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(ownership);
        ArgumentNullException.ThrowIfNull(objects);
        var keys = new HashSet<ObjectKey>(ownership.ControllerKeys(certificate.Metadata));
        foreach (var named in objects.ByIndex(bySecret, ShimIndexKeys.Of(certificate.Metadata.NamespaceProperty, certificate.Metadata.Name)))
        {
            keys.Add(ObjectKey.From(named));
        }

        return keys;
    }
}
