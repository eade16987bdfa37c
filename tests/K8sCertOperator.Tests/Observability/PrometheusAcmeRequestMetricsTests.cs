using System.Net;
using System.Text;
using K8sCertOperator.Acme.Http;
using K8sCertOperator.Observability;
using Prometheus;

namespace K8sCertOperator.Tests.Observability;

public sealed class PrometheusAcmeRequestMetricsTests
{
    public static TheoryData<int?, string> Statuses => new()
    {
        { 200, "200" },
        { 201, "201" },
        { 400, "400" },
        { 503, "503" },
        { null, "error" },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void StatusLabelIsTheCodeOrError(int? status, string expected) =>
        Assert.Equal(expected, PrometheusAcmeRequestMetrics.StatusLabel(status is { } s ? (HttpStatusCode)s : null));

    [Theory]
    [InlineData("https://acme-v02.api.letsencrypt.org/directory", "acme-v02.api.letsencrypt.org")]
    [InlineData("https://127.0.0.1:14000/dir", "127.0.0.1:14000")]
    [InlineData("https://[::1]:14000/order/abc", "[::1]:14000")]
    [InlineData("http://ca.test:80/acme/chall/Xy12", "ca.test")]
    public void HostLabelIsHostAndNonDefaultPortWithoutThePath(string url, string expected) =>
        Assert.Equal(expected, PrometheusAcmeRequestMetrics.HostLabel(new Uri(url)));

    [Fact]
    public async Task AnAttemptIsCountedAndTimedUnderItsLabels()
    {
        // A host of its own, so other tests' observations in the shared registry do not interfere.
        var url = new Uri($"https://{Guid.NewGuid():N}.test:14000/finalize/7");
        var metrics = PrometheusAcmeRequestMetrics.Instance;

        metrics.RequestCompleted(AcmeAction.Finalize, HttpMethod.Post, url, HttpStatusCode.OK, TimeSpan.FromMilliseconds(250));
        metrics.RequestCompleted(AcmeAction.Finalize, HttpMethod.Post, url, HttpStatusCode.OK, TimeSpan.FromMilliseconds(500));
        metrics.RequestCompleted(AcmeAction.Finalize, HttpMethod.Post, url, null, TimeSpan.FromSeconds(30));

        var text = await ExportAsync();
        var labels = $"action=\"finalize\",method=\"POST\",status=\"200\",host=\"{url.Authority}\"";
        Assert.Contains($"k8scert_acme_client_request_count{{{labels}}} 2\n", text, StringComparison.Ordinal);
        Assert.Contains($"k8scert_acme_client_request_duration_seconds_count{{{labels}}} 2\n", text, StringComparison.Ordinal);
        Assert.Contains($"k8scert_acme_client_request_duration_seconds_sum{{{labels}}} 0.75\n", text, StringComparison.Ordinal);
        Assert.Contains($"k8scert_acme_client_request_count{{action=\"finalize\",method=\"POST\",status=\"error\",host=\"{url.Authority}\"}} 1\n",
            text, StringComparison.Ordinal);
        Assert.DoesNotContain("/finalize/7", text, StringComparison.Ordinal);
    }

    private static async Task<string> ExportAsync()
    {
        using var stream = new MemoryStream();
        await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(stream);
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
