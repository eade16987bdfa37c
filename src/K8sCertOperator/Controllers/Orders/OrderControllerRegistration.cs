using K8sCertOperator.Api;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;

namespace K8sCertOperator.Controllers.Orders;

/// <summary>Registers the Order controller: keyed by Order, also woken by changes to the Order's Challenges.</summary>
public sealed class OrderControllerRegistration : IControllerRegistration
{
    public string Name => "orders";

    public IReconciler Build(OperatorContext context, IWorkQueue<ObjectKey> queue)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queue);
        context.Informers.Orders.EnqueueWhen(queue, OrderWakeUps.OrderMatters, order => [ObjectKey.From(order)]);
        context.Informers.Challenges.EnqueueWhen(queue, OrderWakeUps.ChallengeMatters, challenge =>
            OrderEvents.OwnerName(challenge, ApiGroups.OrderKind) is { } order
                ? [new ObjectKey(challenge.Metadata.NamespaceProperty, order)]
                : []);
        return new OrderReconciler(context);
    }
}
