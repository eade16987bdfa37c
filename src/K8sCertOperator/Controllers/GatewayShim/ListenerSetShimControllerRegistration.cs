using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Controllers.Shims;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;

namespace K8sCertOperator.Controllers.GatewayShim;

/// <summary>
/// Wires the gateway-shim for ListenerSets that carry an issuer annotation themselves: a ListenerSet change enqueues
/// it; a Certificate change enqueues its controlling ListenerSet and ListenerSets whose listeners name it. Runs only
/// when the API server serves gateway.networking.k8s.io/v1 ListenerSets (Gateway API v1.6 and later).
/// </summary>
public sealed class ListenerSetShimControllerRegistration : IControllerRegistration
{
    public string Name => "listenerset-shim";

    public bool IsEnabled(OperatorContext context) => context?.Informers.ListenerSets is not null;

    public IReconciler Build(OperatorContext context, IWorkQueue<ObjectKey> queue)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queue);
        var listenerSets = context.Informers.ListenerSets
            ?? throw new InvalidOperationException("listenerset-shim needs OperatorInformers.ListenerSets (ListenerSets are not served)");
        var certificates = context.Informers.Certificates;
        GatewayShimIndexes.AddOwnerIndexes(certificates, GatewayOwnership.ListenerSet, GatewayShimIndexes.CertificatesByListenerSetUid, GatewayShimIndexes.CertificatesByListenerSetName);
        listenerSets.AddIndex(GatewayShimIndexes.ListenerSetsBySecret, s => GatewayShimIndexes.SecretKeys(s.Metadata.NamespaceProperty, s.Spec?.Listeners));
        listenerSets.EnqueueOnChange(queue);
        certificates.EnqueueOnChange(queue, c => GatewayShimIndexes.KeysFor(c, GatewayOwnership.ListenerSet, listenerSets, GatewayShimIndexes.ListenerSetsBySecret));
        var options = ShimOptions.From(context.Options);
        return new ShimReconciler<ListenerSet>(context, new ShimSource<ListenerSet>(
            listenerSets,
            GatewayOwnership.ListenerSet,
            GatewayShimIndexes.CertificatesByListenerSetUid,
            GatewayShimIndexes.CertificatesByListenerSetName,
            listenerSet => GatewayCertificateMapper.MapListenerSet(listenerSet, options)));
    }
}
