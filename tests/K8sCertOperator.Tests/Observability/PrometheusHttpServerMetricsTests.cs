using System.Text;
using K8sCertOperator.Hosting.Http;
using K8sCertOperator.Observability;
using Prometheus;

namespace K8sCertOperator.Tests.Observability;

public sealed class PrometheusHttpServerMetricsTests
{
    [Theory]
    [InlineData(ConnectionDropReason.Refused, "refused")]
    [InlineData(ConnectionDropReason.Evicted, "evicted")]
    [InlineData(ConnectionDropReason.HeaderTimeout, "header_timeout")]
    [InlineData(ConnectionDropReason.ResponseTimeout, "response_timeout")]
    [InlineData(ConnectionDropReason.ClientError, "client_error")]
    public void ReasonLabelIsSnakeCase(ConnectionDropReason reason, string label) =>
        Assert.Equal(label, PrometheusHttpServerMetrics.ReasonLabel(reason));

    [Fact]
    public async Task AStartedListenerExportsEveryReasonAtZeroThenCountsDrops()
    {
        // A listener name of its own, so other tests' counts in the shared registry do not interfere.
        var listener = "test-" + Guid.NewGuid().ToString("N")[..8];
        var metrics = PrometheusHttpServerMetrics.Instance;

        metrics.ListenerStarted(listener);
        var started = await ExportAsync();
        metrics.ConnectionAccepted(listener);
        metrics.OpenConnectionsChanged(listener, 1);
        metrics.ConnectionDropped(listener, ConnectionDropReason.Evicted);
        metrics.OpenConnectionsChanged(listener, -1);
        var after = await ExportAsync();

        foreach (var reason in new[] { "refused", "evicted", "header_timeout", "response_timeout", "client_error" })
        {
            Assert.Contains($"k8scert_http_server_dropped_connection_count{{listener=\"{listener}\",reason=\"{reason}\"}} 0", started, StringComparison.Ordinal);
        }
        Assert.Contains($"k8scert_http_server_dropped_connection_count{{listener=\"{listener}\",reason=\"evicted\"}} 1", after, StringComparison.Ordinal);
        Assert.Contains($"k8scert_http_server_connection_count{{listener=\"{listener}\"}} 1", after, StringComparison.Ordinal);
        Assert.Contains($"k8scert_http_server_open_connections{{listener=\"{listener}\"}} 0", after, StringComparison.Ordinal);
    }

    private static async Task<string> ExportAsync()
    {
        using var stream = new MemoryStream();
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
