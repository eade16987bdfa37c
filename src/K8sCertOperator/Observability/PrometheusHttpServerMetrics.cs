using K8sCertOperator.Hosting.Http;
using Prometheus;

namespace K8sCertOperator.Observability;

/// <summary>
/// The embedded HTTP server's connections per listener (http01, metrics, health): accepted, open now, and
/// dropped without an answer by reason (refused, evicted, header_timeout, response_timeout, client_error), so a
/// flood of idle or slow clients shows on /metrics and not only in Debug logs.
/// </summary>
public sealed class PrometheusHttpServerMetrics : IHttpServerObserver
{
    private static readonly Counter Accepted = Metrics.CreateCounter(
        "k8scert_http_server_connection_count", "Connections the operator's HTTP listeners accepted, by listener.", "listener");

    private static readonly Gauge Open = Metrics.CreateGauge(
        "k8scert_http_server_open_connections", "Connections holding a slot of the listener's budget now, by listener.", "listener");

    private static readonly Counter Dropped = Metrics.CreateCounter(
        "k8scert_http_server_dropped_connection_count",
        "Connections closed without an answer, by listener and reason (refused, evicted, header_timeout, response_timeout, client_error).",
        "listener", "reason");

    private static readonly ConnectionDropReason[] Reasons = Enum.GetValues<ConnectionDropReason>();

    private PrometheusHttpServerMetrics()
    {
    }

    public static PrometheusHttpServerMetrics Instance { get; } = new();

    public void ListenerStarted(string listener)
    {
        // Every series exists from the start at 0, so rate() and alerts see the first drop.
        Accepted.WithLabels(listener);
        Open.WithLabels(listener);
        foreach (var reason in Reasons)
        {
            Dropped.WithLabels(listener, ReasonLabel(reason));
        }
    }

    public void ConnectionAccepted(string listener) => Accepted.WithLabels(listener).Inc();

    public void OpenConnectionsChanged(string listener, int delta)
    {
        if (delta >= 0)
        {
            Open.WithLabels(listener).Inc(delta);
        }
        else
        {
            Open.WithLabels(listener).Dec(-delta);
        }
    }

    public void ConnectionDropped(string listener, ConnectionDropReason reason) => Dropped.WithLabels(listener, ReasonLabel(reason)).Inc();

    /// <summary>The reason label: snake case of the enum name.</summary>
    public static string ReasonLabel(ConnectionDropReason reason) => reason switch
    {
        ConnectionDropReason.Refused => "refused",
        ConnectionDropReason.Evicted => "evicted",
        ConnectionDropReason.HeaderTimeout => "header_timeout",
        ConnectionDropReason.ResponseTimeout => "response_timeout",
        _ => "client_error",
    };
}
