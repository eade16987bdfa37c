using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube.Informers;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>
/// The Challenges an Order owns, whoever named them: the Order controller's deterministic names or cert-manager's
/// <c>&lt;order&gt;-&lt;hash&gt;</c> ones left by a take-over.
/// </summary>
public static class OrderChallenges
{
    /// <summary>Cached Challenges with an owner reference to <paramref name="order"/> (by uid; by name when the Order has none yet).</summary>
    public static IEnumerable<Challenge> Of(IInformer<Challenge> challenges, Order order)
    {
        ArgumentNullException.ThrowIfNull(challenges);
        ArgumentNullException.ThrowIfNull(order);
        var uid = order.Metadata.Uid;
        if (!string.IsNullOrEmpty(uid))
        {
            return OwnerUidIndex.Owned(challenges, uid).Where(c => c.Metadata.OwnerReferences!.Any(o => o.Kind == ApiGroups.OrderKind && o.Uid == uid));
        }

        // An Order not stored yet has no uid: its Challenges can only name it.
        return challenges.List().Where(c =>
            c.Metadata.NamespaceProperty == order.Metadata.NamespaceProperty
            && c.Metadata.OwnerReferences?.Any(o => o.Kind == ApiGroups.OrderKind && o.Name == order.Metadata.Name) == true);
    }
}
