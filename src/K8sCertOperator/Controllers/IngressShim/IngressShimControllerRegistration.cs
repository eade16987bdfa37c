using K8sCertOperator.Controllers.Shims;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;

namespace K8sCertOperator.Controllers.IngressShim;

/// <summary>
/// Wires ingress-shim (see <see cref="ShimWiring"/>): Ingress changes enqueue the Ingress; Certificate changes enqueue
/// the controlling Ingress and Ingresses whose TLS entries name that Certificate.
/// </summary>
public sealed class IngressShimControllerRegistration : IControllerRegistration
{
    public string Name => "ingress-shim";

    public IReconciler Build(OperatorContext context, IWorkQueue<ObjectKey> queue)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queue);
        var ingresses = context.Informers.Ingresses
            ?? throw new InvalidOperationException("ingress-shim needs OperatorInformers.Ingresses (all Ingresses in the watch scope)");
        var reconciler = new IngressShimReconciler(context, ingresses, ShimOptions.From(context.Options));
        ShimWiring.Wire(context.Informers.Certificates, queue, reconciler.Source, IngressShimIndexes.IngressesBySecret, IngressShimIndexes.TlsSecretKeys);
        return reconciler;
    }
}
