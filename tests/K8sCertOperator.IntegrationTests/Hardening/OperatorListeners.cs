using System.Net;
using K8sCertOperator.Hosting;
using K8sCertOperator.Hosting.Http;
using K8sCertOperator.Observability;
using K8sCertOperator.Solvers.Http01;

namespace K8sCertOperator.IntegrationTests.Hardening;

/// <summary>
/// The operator's three listeners as the host composes them (HTTP-01, metrics, health: the real server classes,
/// production budgets and the Prometheus counters) on loopback ports chosen by the kernel, with one HTTP-01
/// token presented and the informers marked synced.
/// </summary>
internal sealed class OperatorListeners : IAsyncDisposable
{
    public const string Token = "starvation-token";
    public const string KeyAuthorization = "starvation-token.thumbprint";

    private readonly Http01Responder _http01;
    private readonly MonitoringServer _monitoring;

    private OperatorListeners(Http01Responder http01, MonitoringServer monitoring)
    {
        _http01 = http01;
        _monitoring = monitoring;
    }

    public IPEndPoint Http01 => new(IPAddress.Loopback, _http01.Port);

    public IPEndPoint Health => _monitoring.BoundEndpoints[0];

    public IPEndPoint Metrics => _monitoring.BoundEndpoints[1];

    public IReadOnlyList<IPEndPoint> All => [Http01, Metrics, Health];

    /// <param name="adjust">Changes the production options of every listener (e.g. a longer header timeout).</param>
    public static async Task<OperatorListeners> StartAsync(Func<HttpServerOptions, HttpServerOptions> adjust, CancellationToken ct)
    {
        var observer = PrometheusHttpServerMetrics.Instance;
        var tokens = new Http01TokenStore();
        tokens.Set("default/challenge", Token, KeyAuthorization);
        var health = new HealthState();
        health.MarkSynced();
        var any = new IPEndPoint(IPAddress.Loopback, 0);
        var http01 = await Http01Responder.StartAsync(any, tokens, null, adjust(ListenerBudgets.Http01(observer)), ct);
        try
        {
            var monitoring = await MonitoringServer.StartAsync(
                [(any, adjust(ListenerBudgets.Health(observer))), (any, adjust(ListenerBudgets.Metrics(observer)))], health, null, ct);
            return new OperatorListeners(http01, monitoring);
        }
        catch
        {
            await http01.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _monitoring.DisposeAsync();
        await _http01.DisposeAsync();
    }
}
