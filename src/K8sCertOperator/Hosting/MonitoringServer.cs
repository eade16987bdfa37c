using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace K8sCertOperator.Hosting;

/// <summary>
/// /healthz (process alive), /readyz (informers synced; says leader or standby) and /metrics
/// (Prometheus text format). Health and metrics may share one port or use two.
/// </summary>
public sealed class MonitoringServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MonitoringServer(WebApplication app) => _app = app;

    public static async Task<MonitoringServer> StartAsync(
        IReadOnlyCollection<IPEndPoint> endpoints, HealthState health, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, K8sCertOperator.Hosting.PassiveHostLifetime>();
        builder.WebHost.ConfigureKestrel(k =>
        {
            foreach (var endpoint in endpoints)
            {
                k.Listen(endpoint);
            }
        });
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", () => health.IsReady
            ? Results.Text("ok " + health.Describe())
            : Results.Text("not ready " + health.Describe(), statusCode: StatusCodes.Status503ServiceUnavailable));
        app.MapGet("/leader", () => Results.Text(health.IsLeader ? "leader" : "standby"));
        app.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4";
            await Metrics.DefaultRegistry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted).ConfigureAwait(false);
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return new MonitoringServer(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
