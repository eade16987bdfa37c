using K8sCertOperator.Api;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>The ClusterIssuer controller: its Secrets live in the cluster resource namespace (the operator's own).</summary>
public sealed class ClusterIssuerControllerRegistration : IControllerRegistration
{
    public string Name => "clusterissuers";

    public IReconciler Build(OperatorContext context, IWorkQueue<ObjectKey> queue)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(queue);
        var informer = context.Informers.ClusterIssuers;
        informer.EnqueueOnChange(queue);
        IssuerSecretWakeUp.Bind(context, queue, informer, context.ClusterResourceNamespace);
        return new IssuerReconciler<ClusterIssuer>(context, context.Apis.ClusterIssuers, informer, clusterScoped: true);
    }
}
