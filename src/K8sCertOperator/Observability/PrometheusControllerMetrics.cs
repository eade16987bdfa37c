using K8sCertOperator.Kube.Reconcile;
using Prometheus;

namespace K8sCertOperator.Observability;

/// <summary>Controller sync counts, errors, durations and queue depth as Prometheus series.</summary>
public sealed class PrometheusControllerMetrics : IControllerMetrics
{
    private static readonly Counter Syncs = Metrics.CreateCounter(
        "k8scert_controller_sync_call_count", "Reconciles run, by controller and result.", "controller", "result");

    private static readonly Histogram Durations = Metrics.CreateHistogram(
        "k8scert_controller_sync_duration_seconds", "Time one reconcile took, by controller.",
        new HistogramConfiguration { LabelNames = ["controller"], Buckets = Histogram.ExponentialBuckets(0.001, 4, 9) });

    private static readonly Gauge Depth = Metrics.CreateGauge(
        "k8scert_controller_queue_depth", "Keys waiting in the controller's work queue.", "controller");

    public void ReconcileCompleted(string controller, bool success, TimeSpan duration)
    {
        Syncs.WithLabels(controller, success ? "success" : "error").Inc();
        Durations.WithLabels(controller).Observe(duration.TotalSeconds);
    }

    public void QueueLength(string controller, int length) => Depth.WithLabels(controller).Set(length);
}
