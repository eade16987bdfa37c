using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Queue;
using K8sCertOperator.Kube.Reconcile;

namespace K8sCertOperator.Controllers;

/// <summary>
/// One controller as the host sees it: a name, and a way to build its reconciler once the
/// shared context exists. <see cref="Build"/> also subscribes the informer events that should
/// enqueue keys into <paramref name="queue"/>.
/// </summary>
public interface IControllerRegistration
{
    string Name { get; }

    /// <summary>False when what the controller works on is not there (e.g. the Gateway API is not served): the host skips it.</summary>
    bool IsEnabled(OperatorContext context) => true;

    IReconciler Build(OperatorContext context, IWorkQueue<ObjectKey> queue);
}
