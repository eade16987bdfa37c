using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Orders;

namespace K8sCertOperator.Controllers.CertificateRequests.AcmeOrders;

/// <summary>
/// Deletes a CertificateRequest together with the Orders it made and their Challenges, at once: the garbage collector
/// would, but later (and a Challenge left behind would go on presenting). Deleting a Challenge lets the Challenge
/// controller withdraw what was presented and release its finalizer, cert-manager's included.
/// </summary>
public static class RequestCleanUp
{
    public static async Task DeleteAsync(OperatorContext context, CertificateRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(request);
        var ns = request.Metadata.NamespaceProperty;
        var orders = OrderForRequest.All(context.Informers.Orders, request);
        // The request goes first: its signer, finding the Order gone, would otherwise open a new one for it.
        await context.Apis.CertificateRequests.DeleteAsync(ns, request.Metadata.Name, cancellationToken).ConfigureAwait(false);
        foreach (var order in orders)
        {
            await context.Apis.Orders.DeleteAsync(ns, order.Metadata.Name, cancellationToken).ConfigureAwait(false);
            foreach (var challenge in OrderChallenges.Of(context.Informers.Challenges, order).Where(c => c.Metadata.DeletionTimestamp is null).ToList())
            {
                await context.Apis.Challenges.DeleteAsync(ns, challenge.Metadata.Name, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
