using k8s;
using k8s.Models;

namespace K8sCertOperator.Kube.Informers;

/// <summary>
/// An informer index of objects by the uids of their owners, whatever the owner's kind (uids are unique): the Orders of
/// a Certificate or of a CertificateRequest, the Challenges of an Order, without a scan of the whole cache per look-up.
/// </summary>
public static class OwnerUidIndex
{
    public const string Name = "k8scert.io/owner-uid";

    public static IEnumerable<string> Uids<T>(T obj)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Metadata?.OwnerReferences?.Where(o => !string.IsNullOrEmpty(o.Uid)).Select(o => o.Uid) ?? [];
    }

    /// <summary>The cached objects owned by <paramref name="ownerUid"/> (none for an empty uid).</summary>
    public static IReadOnlyList<T> Owned<T>(IInformer<T> informer, string? ownerUid)
        where T : class, IKubernetesObject<V1ObjectMeta>
    {
        ArgumentNullException.ThrowIfNull(informer);
        return string.IsNullOrEmpty(ownerUid) ? [] : informer.ByIndex(Name, ownerUid);
    }
}
