using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube;

namespace K8sCertOperator.Controllers.Challenges;

/// <summary>
/// Whether a Challenge's Order still exists. cert-manager can leave a Challenge behind whose Order is gone (deleted while
/// the finalizer held the Challenge, or garbage collection off or lagging); nothing would ever finish or delete it.
/// </summary>
public static class ChallengeOrders
{
    /// <summary>
    /// True when the Challenge names an owning Order and none of them exists with that uid. The cache answers for a live
    /// Order; a miss is confirmed with the API server, so a cache that lags never gets a live Challenge deleted.
    /// </summary>
    public static async Task<bool> IsOrphanedAsync(OperatorContext context, Challenge challenge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(challenge);
        var owners = challenge.Metadata.OwnerReferences?.Where(o => o.Kind == ApiGroups.OrderKind && !string.IsNullOrEmpty(o.Uid)).ToList() ?? [];
        if (owners.Count == 0)
        {
            return false;
        }

        var ns = challenge.Metadata.NamespaceProperty;
        foreach (var owner in owners)
        {
            if (context.Informers.Orders.Get(new ObjectKey(ns, owner.Name))?.Metadata.Uid == owner.Uid)
            {
                return false;
            }
        }

        foreach (var owner in owners)
        {
            var live = await context.Apis.Orders.GetAsync(ns, owner.Name, cancellationToken).ConfigureAwait(false);
            if (live?.Metadata.Uid == owner.Uid)
            {
                return false;
            }
        }

        return true;
    }
}
