using K8sCertOperator.Hosting.Http;

namespace K8sCertOperator.Hosting;

/// <summary>
/// Each port's connection budget: its own listener and slots, so a flood on one never starves another (above
/// all, never the kubelet's probes). Every listener drops a client without a complete head after 2 s and lets a
/// newcomer evict the oldest such client when the budget is full. Budgets are generous because an idle slot
/// costs a socket and no buffer, and a larger budget means a flood must be faster to push a real client out.
/// </summary>
public static class ListenerBudgets
{
    /// <summary>HTTP-01 answers (8089): ingress controllers and the CA's validators from several vantage points.</summary>
    public static HttpServerOptions Http01(IHttpServerObserver? observer = null) =>
        new() { Name = "http01", MaxConnections = 128, Observer = observer };

    /// <summary>/metrics (9402): a few scrapers.</summary>
    public static HttpServerOptions Metrics(IHttpServerObserver? observer = null) =>
        new() { Name = "metrics", MaxConnections = 32, Observer = observer };

    /// <summary>/healthz, /readyz, /leader (9403): the kubelet's two probes, one at a time each.</summary>
    public static HttpServerOptions Health(IHttpServerObserver? observer = null) =>
        new() { Name = "health", MaxConnections = 32, Observer = observer };
}
