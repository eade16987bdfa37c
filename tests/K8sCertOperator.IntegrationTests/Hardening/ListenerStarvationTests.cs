using System.Net;
using System.Net.Sockets;
using System.Text;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Solvers.Http01;

namespace K8sCertOperator.IntegrationTests.Hardening;

/// <summary>
/// Issue 17, findings 2 and 3: idle or slow clients on any port must not keep the kubelet's probes, the scrape or
/// the CA's HTTP-01 request from being answered. Real sockets on loopback, the real server classes. The tests
/// assert answers and counters, never how long anything took (the bench prints that: `listeners`).
/// </summary>
public class ListenerStarvationTests
{
    private const int PerPort = 100;

    // Bounds a hung test only.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Idle_connections_on_every_port_do_not_stop_probes_scrapes_or_http01()
    {
        using var cts = new CancellationTokenSource(Patience);
        // Idle clients never time out here, so only the budget's eviction can make room: with the old design
        // (accept waits for one of 64 slots) every request below queued behind them until this test gave up.
        await using var listeners = await OperatorListeners.StartAsync(o => o with { HeaderTimeout = TimeSpan.FromMinutes(10) }, cts.Token);
        var idle = new List<TcpClient>();
        try
        {
            foreach (var endpoint in listeners.All)
            {
                for (var i = 0; i < PerPort; i++)
                {
                    var client = new TcpClient();
                    idle.Add(client);
                    await client.ConnectAsync(endpoint, cts.Token);
                }
            }

            await AssertEveryEndpointAnswersAsync(listeners, cts.Token);

            // Health and metrics (budget 32) evicted the idle clients beyond it, and the counters say so.
            var samples = await ScrapeAsync(listeners, cts.Token);
            Assert.True(Drops(samples, "health", "evicted") >= PerPort - 32, "health evictions not counted");
            Assert.True(Drops(samples, "metrics", "evicted") >= PerPort - 32, "metrics evictions not counted");
        }
        finally
        {
            idle.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task Clients_dribbling_header_bytes_on_every_port_do_not_stop_probes_scrapes_or_http01()
    {
        using var cts = new CancellationTokenSource(Patience);
        await using var listeners = await OperatorListeners.StartAsync(o => o, cts.Token); // production deadlines
        var before = await ScrapeAsync(listeners, cts.Token);
        var dribblers = listeners.All.SelectMany(endpoint => Enumerable.Range(0, PerPort).Select(_ => DribbleAsync(endpoint, cts.Token))).ToList();

        await AssertEveryEndpointAnswersAsync(listeners, cts.Token);

        // Every dribbler is hung up on, never answered: evicted, or dropped at the 2 s header deadline.
        Assert.All(await Task.WhenAll(dribblers), answered => Assert.False(answered));
        var after = await ScrapeAsync(listeners, cts.Token);
        foreach (var listener in new[] { "http01", "metrics", "health" })
        {
            var dropped = Drops(after, listener, "evicted") + Drops(after, listener, "header_timeout")
                - Drops(before, listener, "evicted") - Drops(before, listener, "header_timeout");
            Assert.True(dropped >= PerPort, $"{listener}: {dropped} dribblers counted as dropped");
        }
        Assert.True(Drops(after, "http01", "header_timeout") - Drops(before, "http01", "header_timeout") >= PerPort,
            "http01 (budget 128) holds all 100, so each must have hit the header deadline");
    }

    private static async Task AssertEveryEndpointAnswersAsync(OperatorListeners listeners, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = Patience };
        var healthz = await http.GetAsync(Url(listeners.Health, "/healthz"), ct);
        Assert.Equal(HttpStatusCode.OK, healthz.StatusCode);
        Assert.Equal("ok", await healthz.Content.ReadAsStringAsync(ct));

        var readyz = await http.GetAsync(Url(listeners.Health, "/readyz"), ct);
        Assert.Equal(HttpStatusCode.OK, readyz.StatusCode);
        Assert.StartsWith("ok informers=synced", await readyz.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        var metrics = await http.GetAsync(Url(listeners.Metrics, "/metrics"), ct);
        Assert.Equal(HttpStatusCode.OK, metrics.StatusCode);
        Assert.Contains("k8scert_http_server_connection_count", await metrics.Content.ReadAsStringAsync(ct), StringComparison.Ordinal);

        var challenge = await http.GetAsync(Url(listeners.Http01, Http01Responder.PathPrefix + OperatorListeners.Token), ct);
        Assert.Equal(HttpStatusCode.OK, challenge.StatusCode);
        Assert.Equal(OperatorListeners.KeyAuthorization, await challenge.Content.ReadAsStringAsync(ct));
    }

    // Sends a valid request head one byte every 100 ms and never finishes it. True if the server answered
    // (it must not), false once the server closed the connection.
    private static async Task<bool> DribbleAsync(IPEndPoint endpoint, CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(endpoint, ct);
        var stream = client.GetStream();
        var head = Encoding.ASCII.GetBytes("GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: " + new string('s', 6000));
        for (var i = 0; i < head.Length; i++)
        {
            try
            {
                await stream.WriteAsync(head.AsMemory(i, 1), ct);
                await Task.Delay(100, ct);
                if (client.Client.Poll(0, SelectMode.SelectRead))
                {
                    return client.Available > 0; // readable with nothing to read: closed
                }
            }
            catch (IOException)
            {
                return false; // reset by the server
            }
        }
        throw new InvalidOperationException("the server kept a dribbling client for the whole head");
    }

    private static async Task<IReadOnlyList<PrometheusSample>> ScrapeAsync(OperatorListeners listeners, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = Patience };
        return PrometheusExposition.Parse(await http.GetStringAsync(Url(listeners.Metrics, "/metrics"), ct));
    }

    private static double Drops(IReadOnlyList<PrometheusSample> samples, string listener, string reason) =>
        PrometheusExposition.Value(samples, "k8scert_http_server_dropped_connection_count", ("listener", listener), ("reason", reason)) ?? 0;

    private static Uri Url(IPEndPoint endpoint, string path) => new($"http://{endpoint}{path}");
}
