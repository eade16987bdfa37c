using K8sCertOperator.Controllers.Shims;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;

namespace K8sCertOperator.Controllers.IngressShim;

/// <summary>
/// Wires ingress-shim: Ingress changes enqueue the Ingress; Certificate changes enqueue the controlling
/// Ingress and Ingresses whose TLS entries name that Certificate.
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
        var certificates = context.Informers.Certificates;
        certificates.AddIndex(IngressShimIndexes.CertificatesByIngressUid, IngressShimIndexes.IngressUids);
        certificates.AddIndex(IngressShimIndexes.CertificatesByIngressName, IngressShimIndexes.IngressNames);
        ingresses.AddIndex(IngressShimIndexes.IngressesBySecret, IngressShimIndexes.TlsSecretKeys);

        ingresses.EnqueueOnChange(queue);
        certificates.EnqueueOnChange(queue, c => IngressShimIndexes.IngressKeysFor(c, ingresses));
        return new IngressShimReconciler(context, ingresses, ShimOptions.From(context.Options));
    }
}
