using System.Globalization;
using System.Net;
using K8sCertOperator.Acme.Http;
using Prometheus;

namespace K8sCertOperator.Observability;

/// <summary>
/// <c>k8scert_acme_client_request_count</c> and <c>k8scert_acme_client_request_duration_seconds</c> by
/// action, method, status and host: cert-manager's ACME client series, labelled by what the client was doing
/// instead of the URL path (paths carry order and authorization ids and would grow without bound).
/// </summary>
public sealed class PrometheusAcmeRequestMetrics : IAcmeRequestObserver
{
    /// <summary>The status label of an attempt that got no HTTP response (connection failure or timeout).</summary>
    public const string TransportError = "error";

    private static readonly string[] LabelNames = ["action", "method", "status", "host"];

    private static readonly Counter Requests = Metrics.CreateCounter(
        "k8scert_acme_client_request_count", "HTTP requests the ACME client sent, each retry counted, by action, method, status and host.",
        LabelNames);

    // A histogram rather than cert-manager's summary: buckets aggregate across replicas, quantiles do not.
    private static readonly Histogram Durations = Metrics.CreateHistogram(
        "k8scert_acme_client_request_duration_seconds", "Time one ACME HTTP request took, by action, method, status and host.",
        new HistogramConfiguration { LabelNames = LabelNames, Buckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });

    private PrometheusAcmeRequestMetrics()
    {
    }

    public static PrometheusAcmeRequestMetrics Instance { get; } = new();

    public void RequestCompleted(AcmeAction action, HttpMethod method, Uri url, HttpStatusCode? status, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(url);
        string[] labels = [action.Label, method.Method, StatusLabel(status), HostLabel(url)];
        Requests.WithLabels(labels).Inc();
        Durations.WithLabels(labels).Observe(Math.Max(0, duration.TotalSeconds));
    }

    /// <summary>"201", "400", ... or "error" when there was no response.</summary>
    public static string StatusLabel(HttpStatusCode? status) =>
        status is { } code ? ((int)code).ToString(CultureInfo.InvariantCulture) : TransportError;

    /// <summary>Host and non-default port, like cert-manager's host label: one value per ACME server.</summary>
    public static string HostLabel(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.Authority;
    }
}
