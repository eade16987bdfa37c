using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Controllers.Shims;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;

namespace K8sCertOperator.Controllers.GatewayShim;

/// <summary>
/// Wires the gateway-shim for ListenerSets that carry an issuer annotation themselves (see <see cref="ShimWiring"/>).
/// Runs only when the API server serves gateway.networking.k8s.io/v1 ListenerSets (Gateway API v1.6 and later).
/// </summary>
public sealed class ListenerSetShimControllerRegistration : IControllerRegistration
{
    public string Name => "listenerset-shim";

    public bool IsEnabled(OperatorContext context) => context?.Informers.ListenerSets is not null;

    public IReconciler Build(OperatorContext context, IWorkQueue<ObjectKey> queue)
    {
        ArgumentNullException.ThrowIfNull(context);
        var listenerSets = context.Informers.ListenerSets
            ?? throw new InvalidOperationException("listenerset-shim needs OperatorInformers.ListenerSets (ListenerSets are not served)");
        var options = ShimOptions.From(context.Options);
        var source = new ShimSource<ListenerSet>(listenerSets, GatewayOwnership.ListenerSet, s => GatewayCertificateMapper.MapListenerSet(s, options));
        return ShimWiring.Build(context, queue, source, GatewayShimIndexes.ListenerSetsBySecret, GatewayShimIndexes.SecretKeys);
    }
}
