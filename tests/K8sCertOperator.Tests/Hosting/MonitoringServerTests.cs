using System.Net;
using K8sCertOperator.Hosting;
using K8sCertOperator.Hosting.Http;

namespace K8sCertOperator.Tests.Hosting;

public class MonitoringServerTests
{
    [Fact]
    public async Task ReadyzFlipsWhenInformersSyncAndLeaderReportsTheRole()
    {
        var port = FreeTcpPort();
        var health = new HealthState();
        await using var server = await MonitoringServer.StartAsync(
            [(new IPEndPoint(IPAddress.Loopback, port), ListenerBudgets.Health())], health, null, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/healthz")).StatusCode);
        var before = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.Contains("informers=syncing", await before.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("standby", await http.GetStringAsync("/leader"));

        health.MarkSynced();
        health.SetLeader(true);
        var after = await http.GetAsync("/readyz");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.Contains("role=leader", await after.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("leader", await http.GetStringAsync("/leader"));
        Assert.StartsWith("text/plain", (await http.GetAsync("/metrics")).Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MetricsAreServedWithAnExactLengthAndHeadGetsNoBody()
    {
        // Health and metrics on two ports, as the chart configures them: two listeners, both serve every route.
        var (healthPort, metricsPort) = (FreeTcpPort(), FreeTcpPort());
        await using var server = await MonitoringServer.StartAsync(
            [(new IPEndPoint(IPAddress.Loopback, healthPort), ListenerBudgets.Health()), (new IPEndPoint(IPAddress.Loopback, metricsPort), ListenerBudgets.Metrics())],
            new HealthState(), null, CancellationToken.None);
        Prometheus.Metrics.CreateCounter("monitoring_server_test_total", "Proves /metrics exports the default registry.").Inc();
        using var http = new HttpClient();
        Assert.Equal("ok", await http.GetStringAsync(new Uri($"http://127.0.0.1:{healthPort}/healthz")));
        var url = new Uri($"http://127.0.0.1:{metricsPort}/metrics");

        var get = await http.GetAsync(url);
        var body = await get.Content.ReadAsByteArrayAsync();
        Assert.Equal(body.Length, get.Content.Headers.ContentLength);
        Assert.Contains("monitoring_server_test_total 1", System.Text.Encoding.UTF8.GetString(body), StringComparison.Ordinal);

        using var head = await http.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.True(head.Content.Headers.ContentLength > 0);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());
    }

    public static TheoryData<string, bool, int, string> Routes => new()
    {
        { "/healthz", false, 200, "ok" },
        { "/readyz", false, 503, "not ready informers=syncing role=standby" },
        { "/readyz", true, 200, "ok informers=synced role=standby" },
        { "/leader", true, 200, "standby" },
        { "/", true, 404, "not found" },
        { "/healthz/", true, 404, "not found" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public void RoutesAnswerFromTheHealthState(string path, bool synced, int status, string body)
    {
        var health = new HealthState();
        if (synced)
        {
            health.MarkSynced();
        }

        var answer = MonitoringServer.Answer(path, health);

        Assert.Equal(status, answer.Status);
        Assert.Equal(body, answer.Text);
    }

    [Fact]
    public void HealthAndMetricsAreTwoListenersWithTheirOwnBudgetsOrOneWhenTheAddressIsShared()
    {
        var separate = OperatorHost.MonitoringListeners(new OperatorOptions { HealthListen = ":9403", MetricsListen = ":9402" }, null);
        Assert.Equal([("health", 9403), ("metrics", 9402)], separate.Select(l => (l.Options.Name, l.Endpoint.Port)));
        Assert.Equal(ListenerBudgets.Health(), separate[0].Options);

        var shared = OperatorHost.MonitoringListeners(new OperatorOptions { HealthListen = "127.0.0.1:9400", MetricsListen = "127.0.0.1:9400" }, null);
        Assert.Equal("health", Assert.Single(shared).Options.Name);

        Assert.Empty(OperatorHost.MonitoringListeners(new OperatorOptions { HealthListen = "", MetricsListen = " " }, null));
    }

    private static int FreeTcpPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
