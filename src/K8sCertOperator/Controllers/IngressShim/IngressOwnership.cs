using k8s.Models;
using K8sCertOperator.Controllers.Shims;
using K8sCertOperator.Kube;

namespace K8sCertOperator.Controllers.IngressShim;

/// <summary>Owner references from Certificates to the Ingress they were derived from.</summary>
public static class IngressOwnership
{
    public const string IngressApiVersion = "networking.k8s.io/v1";
    public const string IngressKind = "Ingress";

    /// <summary>How Ingresses own Certificates (blockOwnerDeletion set, as before the shims shared this code).</summary>
    public static ShimOwnership Owner { get; } = new("networking.k8s.io", IngressApiVersion, IngressKind, BlockOwnerDeletion: true);

    /// <summary>Controller owner reference: the API server's garbage collector removes the Certificate with the Ingress.</summary>
    public static V1OwnerReference OwnerReference(V1Ingress ingress) => Owner.OwnerReference(ingress);

    /// <summary>Uids of Ingresses that control <paramref name="metadata"/>.</summary>
    public static IEnumerable<string> ControllerIngressUids(V1ObjectMeta? metadata) => Owner.ControllerUids(metadata);

    /// <summary>Keys of the Ingresses that control <paramref name="metadata"/>.</summary>
    public static IEnumerable<ObjectKey> ControllerIngressKeys(V1ObjectMeta? metadata) => Owner.ControllerKeys(metadata);

    /// <summary>True when the Ingress with <paramref name="uid"/> is the controller of <paramref name="metadata"/>.</summary>
    public static bool IsControlledBy(V1ObjectMeta? metadata, string? uid) => Owner.IsControlledBy(metadata, uid);
}
