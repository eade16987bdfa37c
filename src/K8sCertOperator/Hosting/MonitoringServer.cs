using System.Net;
using K8sCertOperator.Hosting.Http;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace K8sCertOperator.Hosting;

/// <summary>
/// /healthz (process alive), /readyz (informers synced; says leader or standby), /leader and
/// /metrics (Prometheus text format). Each listener (health, metrics) is its own server with its own
/// connection budget, so flooding the metrics port cannot starve the kubelet's probes; every listener
/// answers every route.
/// </summary>
public sealed class MonitoringServer : IAsyncDisposable
{
    private const string PrometheusText = "text/plain; version=0.0.4; charset=utf-8";

    private readonly List<EmbeddedHttpServer> _servers;

    private MonitoringServer(List<EmbeddedHttpServer> servers)
    {
        _servers = servers;
        BoundEndpoints = [.. servers.SelectMany(s => s.BoundEndpoints)];
    }

    /// <summary>The endpoints bound, in the order given (a requested port 0 shows the chosen port).</summary>
    public IReadOnlyList<IPEndPoint> BoundEndpoints { get; }

    /// <summary>Starts one server per listener, each with its own options (budget, name); all or none.</summary>
    /// <exception cref="IOException">An endpoint could not be bound.</exception>
    public static async Task<MonitoringServer> StartAsync(
        IReadOnlyList<(IPEndPoint Endpoint, HttpServerOptions Options)> listeners, HealthState health, ILogger? logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listeners);
        cancellationToken.ThrowIfCancellationRequested();
        var servers = new List<EmbeddedHttpServer>();
        try
        {
            foreach (var (endpoint, options) in listeners)
            {
                servers.Add(EmbeddedHttpServer.Start([endpoint], (request, _) => ValueTask.FromResult(Answer(request.Path, health)), options, logger));
            }
        }
        catch
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
            throw;
        }
        return new MonitoringServer(servers);
    }

    /// <summary>The routes, as a pure function of the path and the health state (GET and HEAD only reach it).</summary>
    public static HttpAnswer Answer(string path, HealthState health) => path switch
    {
        "/healthz" => HttpAnswer.Plain(200, "ok"),
        "/readyz" => health.IsReady
            ? HttpAnswer.Plain(200, "ok " + health.Describe())
            : HttpAnswer.Plain(503, "not ready " + health.Describe()),
        "/leader" => HttpAnswer.Plain(200, health.IsLeader ? "leader" : "standby"),
        "/metrics" => HttpAnswer.Streamed(200, PrometheusText, Metrics.DefaultRegistry.CollectAndExportAsTextAsync),
        _ => HttpAnswer.NotFound(),
    };

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            await server.DisposeAsync().ConfigureAwait(false);
        }
    }
}
