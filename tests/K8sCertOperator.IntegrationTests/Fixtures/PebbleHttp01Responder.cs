using System.Collections.Concurrent;
using System.Net;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Resources;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.IntegrationTests.Fixtures;

/// <summary>
/// A Kestrel server on 127.0.0.1:&lt;Pebble httpPort&gt; serving /.well-known/acme-challenge/{token},
/// i.e. what Pebble's VA fetches for HTTP-01 (names resolve to 127.0.0.1 via challtestsrv).
/// </summary>
public sealed class PebbleHttp01Responder : IAcmeChallengeResponder, IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, string> _responses = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _requests = new();
    private WebApplication? _app;

    private PebbleHttp01Responder(int port) => Port = port;

    public int Port { get; }

    public IReadOnlyList<string> SupportedChallengeTypes { get; } = [AcmeChallenge.Http01];

    /// <summary>"host path" of every challenge request received, for assertions that validation happened.</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    public static async Task<PebbleHttp01Responder> StartAsync(int port, CancellationToken cancellationToken)
    {
        var responder = new PebbleHttp01Responder(port);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        app.MapGet("/.well-known/acme-challenge/{token}", (string token, HttpContext context) =>
        {
            responder._requests.Enqueue($"{context.Request.Host} {context.Request.Path}");
            return responder._responses.TryGetValue(token, out var keyAuthorization)
                ? Results.Text(keyAuthorization, "application/octet-stream")
                : Results.NotFound();
        });
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        responder._app = app;
        return responder;
    }

    public Task PresentAsync(AcmeChallengeContext challenge, CancellationToken cancellationToken)
    {
        _responses[challenge.Token] = challenge.KeyAuthorization;
        return Task.CompletedTask;
    }

    public Task CleanUpAsync(AcmeChallengeContext challenge, CancellationToken cancellationToken)
    {
        _responses.TryRemove(challenge.Token, out _);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }
}
