namespace K8sCertOperator.Kube.Reconcile;

/// <summary>Brings one object towards its desired state; returns what should happen next as data.</summary>
public interface IReconciler
{
    Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken);
}
