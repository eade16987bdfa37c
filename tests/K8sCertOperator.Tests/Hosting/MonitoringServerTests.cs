using System.Net;
using K8sCertOperator.Hosting;

namespace K8sCertOperator.Tests.Hosting;

public class MonitoringServerTests
{
    [Fact]
    public async Task ReadyzFlipsWhenInformersSyncAndLeaderReportsTheRole()
    {
        var port = FreeTcpPort();
        var health = new HealthState();
        await using var server = await MonitoringServer.StartAsync([new IPEndPoint(IPAddress.Loopback, port)], health, CancellationToken.None);
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

    private static int FreeTcpPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
