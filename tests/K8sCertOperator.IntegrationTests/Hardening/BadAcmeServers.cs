using K8sCertOperator.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.IntegrationTests.Hardening;

/// <summary>
/// A local Kestrel that answers like the wrong kind of server: HTML pages, HTML labelled JSON, JSON that is not an
/// ACME directory, 500/404, a redirect loop. Each behaviour lives under /NAME/dir.
/// </summary>
internal sealed class BadAcmeServers : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BadAcmeServers(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The directory URL of behaviour <paramref name="name"/>.</summary>
    public Uri Url(string name) => new($"http://127.0.0.1:{Port}/{name}/dir");

    public static async Task<BadAcmeServers> StartAsync(CancellationToken ct)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        const string Html = "<!DOCTYPE html><html><head><title>Welcome</title></head><body><h1>It works!</h1></body></html>";
        app.MapGet("/html/{**rest}", () => Results.Content(Html, "text/html"));
        app.MapGet("/html-as-json/{**rest}", () => Results.Content(Html, "application/json"));
        app.MapGet("/json-not-directory/{**rest}", () => Results.Json(new { hello = "world", newNonce = 42 }));
        app.MapGet("/status-500/{**rest}", () => Results.StatusCode(500));
        app.MapGet("/status-404/{**rest}", () => Results.NotFound());
        app.MapGet("/redirect-loop/{**rest}", () => Results.Redirect($"http://127.0.0.1:{port}/redirect-loop/dir"));
        await app.StartAsync(ct);
        return new BadAcmeServers(app, port);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
