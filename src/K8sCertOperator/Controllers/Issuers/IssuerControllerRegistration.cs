using K8sCertOperator.Api;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>The namespaced Issuer controller: Issuer events and any Secret it references (created, changed or deleted) enqueue the Issuer.</summary>
public sealed class IssuerControllerRegistration : IControllerRegistration
{
    public string Name => "issuers";

    public IReconciler Build(OperatorContext context, IWorkQueue<ObjectKey> queue)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queue);
        var informer = context.Informers.Issuers;
        informer.EnqueueOnChange(queue);
        IssuerSecretWakeUp.Bind(context, queue, informer, clusterResourceNamespace: null);
        return new IssuerReconciler<Issuer>(context, context.Apis.Issuers, informer, clusterScoped: false);
    }
}
