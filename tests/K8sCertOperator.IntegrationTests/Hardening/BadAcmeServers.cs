using System.IO.Compression;
using K8sCertOperator.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.IntegrationTests.Hardening;

/// <summary>
/// A local Kestrel that answers like the wrong kind of server: HTML pages, HTML labelled JSON, JSON that is not an
/// ACME directory, 500/404, a redirect loop; and like a hostile one: a gzip bomb, a body over 1 MiB, a redirect to an
/// internal URL, a directory whose URLs point at another origin. Each behaviour lives under /NAME/dir.
/// </summary>
internal sealed class BadAcmeServers : IAsyncDisposable
{
    /// <summary>What the gzip bomb inflates to: 2 GiB of zeros.</summary>
    public const long GzipBombInflatedBytes = 128L * GzipBombMemberBytes;

    /// <summary>The body of the internal URL the redirect points at; it must never show up in an error.</summary>
    public const string InternalSecret = "INTERNAL-ONLY-6f1c2b";

    private const int GzipBombMemberBytes = 16 * 1024 * 1024;

    // 128 gzip members of 16 MiB of zeros each (about 16 KB compressed apiece): about 2 MB on the wire.
    private static readonly Lazy<byte[]> GzipBomb = new(() =>
    {
        using var member = new MemoryStream();
        using (var gzip = new GZipStream(member, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(new byte[GzipBombMemberBytes]);
        }

        var one = member.ToArray();
        return [.. Enumerable.Repeat(one, (int)(GzipBombInflatedBytes / GzipBombMemberBytes)).SelectMany(m => m)];
    });

    private readonly WebApplication _app;
    private int _internalHits;
    private int _otherOriginHits;

    private BadAcmeServers(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Requests that reached the internal URL (a followed redirect would count here).</summary>
    public int InternalHits => Volatile.Read(ref _internalHits);

    /// <summary>Requests that reached the other origin's URLs.</summary>
    public int OtherOriginHits => Volatile.Read(ref _otherOriginHits);

    /// <summary>Size of the gzip bomb on the wire.</summary>
    public static int GzipBombCompressedBytes => GzipBomb.Value.Length;

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
        BadAcmeServers? servers = null;
        app.MapGet("/gzip-bomb/{**rest}", async (HttpContext context) =>
        {
            context.Response.ContentType = "application/json";
            context.Response.Headers.ContentEncoding = "gzip";
            await context.Response.Body.WriteAsync(GzipBomb.Value, context.RequestAborted);
        });
        app.MapGet("/big-body/{**rest}", () => Results.Content("{\"newNonce\":\"" + new string(' ', (1024 * 1024) + 100) + "\"}", "application/json"));
        app.MapGet("/redirect-internal/{**rest}", () => Results.Redirect($"http://127.0.0.1:{port}/internal/secret", permanent: false, preserveMethod: true));
        app.MapGet("/internal/{**rest}", () =>
        {
            Interlocked.Increment(ref servers!._internalHits);
            return Results.Content($"{{\"detail\":\"{InternalSecret}\"}}", "application/problem+json", statusCode: 500);
        });
        app.MapGet("/other-origin/dir", () => Results.Json(new Dictionary<string, string>
        {
            ["newNonce"] = $"http://localhost:{port}/elsewhere/nonce",
            ["newAccount"] = $"http://localhost:{port}/elsewhere/account",
            ["newOrder"] = $"http://localhost:{port}/elsewhere/order",
            ["revokeCert"] = $"http://localhost:{port}/elsewhere/revoke",
            ["keyChange"] = $"http://localhost:{port}/elsewhere/key-change",
        }));
        app.Map("/elsewhere/{**rest}", () =>
        {
            Interlocked.Increment(ref servers!._otherOriginHits);
            return Results.StatusCode(500);
        });
        await app.StartAsync(ct);
        servers = new BadAcmeServers(app, port);
        return servers;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
