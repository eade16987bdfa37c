using k8s;
using k8s.Models;
using K8sCertOperator.Kube;

namespace K8sCertOperator.Controllers.Shims;

/// <summary>
/// Controller owner references from shim Certificates to the object they were derived from (an Ingress, a Gateway,
/// a ListenerSet), recognised by the owner's API group and kind.
/// </summary>
/// <param name="Group">API group of the owner kind, e.g. <c>networking.k8s.io</c>.</param>
/// <param name="ApiVersion">apiVersion written on new owner references, e.g. <c>networking.k8s.io/v1</c>.</param>
/// <param name="Kind">Kind of the owner.</param>
/// <param name="BlockOwnerDeletion">
/// Set blockOwnerDeletion on new references. Where the admission plugin OwnerReferencesPermissionEnforcement runs,
/// that needs update on the owner's finalizers subresource, so it is only set for owners the operator may write.
/// </param>
public sealed record ShimOwnership(string Group, string ApiVersion, string Kind, bool BlockOwnerDeletion)
{
    /// <summary>Controller owner reference: the API server's garbage collector removes the Certificate with its owner.</summary>
    public V1OwnerReference OwnerReference(IKubernetesObject<V1ObjectMeta> owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        return Kube.ControllerOwner.Reference(ApiVersion, Kind, owner.Metadata, BlockOwnerDeletion);
    }

    /// <summary>Uids of owners of this kind that control <paramref name="metadata"/>.</summary>
    public IEnumerable<string> ControllerUids(V1ObjectMeta? metadata) =>
        metadata?.OwnerReferences?
            .Where(o => IsOurs(o) && !string.IsNullOrEmpty(o.Uid))
            .Select(o => o.Uid)
        ?? [];

    /// <summary>Keys of the owners of this kind that control <paramref name="metadata"/> (owners live in its namespace).</summary>
    public IEnumerable<ObjectKey> ControllerKeys(V1ObjectMeta? metadata) =>
        metadata?.OwnerReferences?
            .Where(IsOurs)
            .Select(o => new ObjectKey(metadata.NamespaceProperty, o.Name))
        ?? [];

    /// <summary>True when the owner with <paramref name="uid"/> is the controller of <paramref name="metadata"/>.</summary>
    public bool IsControlledBy(V1ObjectMeta? metadata, string? uid) =>
        !string.IsNullOrEmpty(uid) && ControllerUids(metadata).Contains(uid, StringComparer.Ordinal);

    private bool IsOurs(V1OwnerReference o) =>
        o.Kind == Kind && o.Controller == true && o.ApiVersion?.StartsWith(Group + "/", StringComparison.Ordinal) == true;
}
