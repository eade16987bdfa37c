using k8s;
using k8s.Models;
using K8sCertOperator.Kube.Informers;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>One kind of annotated object a shim turns into Certificates, and how to find what it owns.</summary>
/// <param name="Objects">Cache of the annotated objects (Ingresses, Gateways, ListenerSets).</param>
/// <param name="Ownership">How the objects own their Certificates.</param>
/// <param name="CertificatesByOwnerUid">Certificate index: controlling owner's uid.</param>
/// <param name="CertificatesByOwnerName">Certificate index: controlling owner's "namespace/name" (found again once the owner is gone).</param>
/// <param name="Map">The pure mapping from one object to the Certificates it asks for.</param>
public sealed record ShimSource<T>(
    IInformer<T> Objects, ShimOwnership Ownership, string CertificatesByOwnerUid, string CertificatesByOwnerName, Func<T, ShimCertificateMapping> Map)
    where T : class, IKubernetesObject<V1ObjectMeta>;
