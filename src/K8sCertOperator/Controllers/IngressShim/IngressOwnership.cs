using k8s.Models;
using K8sCertOperator.Kube;

namespace K8sCertOperator.Controllers.IngressShim;

/// <summary>Owner references from Certificates to the Ingress they were derived from.</summary>
public static class IngressOwnership
{
    public const string IngressApiVersion = "networking.k8s.io/v1";
    public const string IngressKind = "Ingress";

    /// <summary>Controller owner reference: the API server's garbage collector removes the Certificate with the Ingress.</summary>
    public static V1OwnerReference OwnerReference(V1Ingress ingress)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        return new V1OwnerReference
        {
            ApiVersion = IngressApiVersion,
            Kind = IngressKind,
            Name = ingress.Metadata.Name,
            Uid = ingress.Metadata.Uid,
            Controller = true,
            BlockOwnerDeletion = true,
        };
    }

    /// <summary>Uids of Ingresses that control <paramref name="metadata"/>.</summary>
    public static IEnumerable<string> ControllerIngressUids(V1ObjectMeta? metadata) =>
        metadata?.OwnerReferences?
            .Where(o => o.Kind == IngressKind && o.Controller == true && !string.IsNullOrEmpty(o.Uid) && o.ApiVersion?.StartsWith("networking.k8s.io/", StringComparison.Ordinal) == true)
            .Select(o => o.Uid)
        ?? [];

    /// <summary>Keys of the Ingresses that control <paramref name="metadata"/>.</summary>
    public static IEnumerable<ObjectKey> ControllerIngressKeys(V1ObjectMeta? metadata) =>
        metadata?.OwnerReferences?
            .Where(o => o.Kind == IngressKind && o.Controller == true)
            .Select(o => new ObjectKey(metadata.NamespaceProperty, o.Name))
        ?? [];

    /// <summary>True when the Ingress with <paramref name="uid"/> is the controller of <paramref name="metadata"/>.</summary>
    public static bool IsControlledBy(V1ObjectMeta? metadata, string? uid) =>
        !string.IsNullOrEmpty(uid) && ControllerIngressUids(metadata).Contains(uid, StringComparer.Ordinal);
}
