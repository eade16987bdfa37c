using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Controllers.Shims;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;

namespace K8sCertOperator.Controllers.GatewayShim;

/// <summary>
/// Wires the gateway-shim for Gateways (see <see cref="ShimWiring"/>); besides, a ListenerSet change enqueues its
/// parent Gateway (old and new parent), as does a change of a Certificate an attached ListenerSet names. Runs only
/// when the Gateway API is served (see <see cref="GatewayApiDiscovery"/>).
/// </summary>
public sealed class GatewayShimControllerRegistration : IControllerRegistration
{
    public string Name => "gateway-shim";

    public bool IsEnabled(OperatorContext context) => context?.Informers.Gateways is not null;

    public IReconciler Build(OperatorContext context, IWorkQueue<ObjectKey> queue)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queue);
        var gateways = context.Informers.Gateways
            ?? throw new InvalidOperationException("gateway-shim needs OperatorInformers.Gateways (the Gateway API is not served)");
        var listenerSets = context.Informers.ListenerSets;
        var options = ShimOptions.From(context.Options);
        var source = new ShimSource<Gateway>(gateways, GatewayOwnership.Gateway, g => GatewayCertificateMapper.MapGateway(g, Attached(listenerSets, g), options));
        var reconciler = ShimWiring.Build(context, queue, source, GatewayShimIndexes.GatewaysBySecret, GatewayShimIndexes.SecretKeys);
        if (listenerSets is not null)
        {
            listenerSets.AddIndex(GatewayShimIndexes.ListenerSetsByGateway, GatewayShimIndexes.ParentKeys);
            listenerSets.AddIndex(GatewayShimIndexes.AttachedListenerSetsBySecret, GatewayShimIndexes.SecretKeys);
            listenerSets.EnqueueOnChange(queue, ParentOf);
            // A Certificate an attached ListenerSet names (e.g. a conflicting one going away) concerns its Gateway.
            context.Informers.Certificates.EnqueueOnChange(queue, c => listenerSets
                .ByIndex(GatewayShimIndexes.AttachedListenerSetsBySecret, ShimIndexKeys.Of(c.Metadata.NamespaceProperty, c.Metadata.Name))
                .SelectMany(ParentOf));
        }

        return reconciler;
    }

    private static IEnumerable<ObjectKey> ParentOf(ListenerSet listenerSet) =>
        ListenerSetParent.GatewayKey(listenerSet) is { } parent ? [parent] : [];

    private static IReadOnlyList<ListenerSet> Attached(IInformer<ListenerSet>? listenerSets, Gateway gateway) =>
        listenerSets?.ByIndex(GatewayShimIndexes.ListenerSetsByGateway, ShimIndexKeys.Of(gateway.Metadata.NamespaceProperty, gateway.Metadata.Name)) ?? [];
}
