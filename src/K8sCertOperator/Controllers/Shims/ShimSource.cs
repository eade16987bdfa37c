using k8s;
using k8s.Models;
using K8sCertOperator.Kube.Informers;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>One kind of annotated object a shim turns into Certificates, and how to find what it owns.</summary>
/// <param name="Objects">Cache of the annotated objects (Ingresses, Gateways, ListenerSets).</param>
/// <param name="Ownership">How the objects own their Certificates.</param>
/// <param name="Map">The pure mapping from one object to the Certificates it asks for.</param>
public sealed record ShimSource<T>(IInformer<T> Objects, ShimOwnership Ownership, Func<T, ShimCertificateMapping> Map)
    where T : class, IKubernetesObject<V1ObjectMeta>
{
    /// <summary>Certificate index: controlling owner's uid (e.g. <c>k8scert.io/certificate-gateway-uid</c>).</summary>
    public string CertificatesByOwnerUid => $"k8scert.io/certificate-{Ownership.Kind.ToLowerInvariant()}-uid";

    /// <summary>Certificate index: controlling owner's "namespace/name" (found again once the owner is gone).</summary>
    public string CertificatesByOwnerName => $"k8scert.io/certificate-{Ownership.Kind.ToLowerInvariant()}-name";
}
