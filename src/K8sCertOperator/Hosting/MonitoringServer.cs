using System.Net;
using K8sCertOperator.Hosting.Http;
using Prometheus;

namespace K8sCertOperator.Hosting;

/// <summary>
/// /healthz (process alive), /readyz (informers synced; says leader or standby), /leader and
/// /metrics (Prometheus text format). Health and metrics may share one port or use two.
/// </summary>
public sealed class MonitoringServer : IAsyncDisposable
{
    private const string PrometheusText = "text/plain; version=0.0.4; charset=utf-8";

    private readonly EmbeddedHttpServer _server;

    private MonitoringServer(EmbeddedHttpServer server) => _server = server;

    public static Task<MonitoringServer> StartAsync(
        IReadOnlyCollection<IPEndPoint> endpoints, HealthState health, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var server = EmbeddedHttpServer.Start(endpoints, (request, _) => ValueTask.FromResult(Answer(request.Path, health)));
        return Task.FromResult(new MonitoringServer(server));
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

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
