namespace K8sCertOperator.Kube.Reconcile;

/// <summary>Sink for controller measurements (a Prometheus implementation can plug in later).</summary>
public interface IControllerMetrics
{
    void ReconcileCompleted(string controller, bool success, TimeSpan duration);

    void QueueLength(string controller, int length);
}
