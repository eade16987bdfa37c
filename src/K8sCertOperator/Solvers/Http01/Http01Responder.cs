using System.Net;
using K8sCertOperator.Hosting.Http;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Solvers.Http01;

/// <summary>
/// The operator's own HTTP-01 answerer: serves `GET /.well-known/acme-challenge/{token}` from
/// the token store and nothing else, so no solver pod is needed per challenge.
/// </summary>
public sealed class Http01Responder : IAsyncDisposable
{
    public const string PathPrefix = "/.well-known/acme-challenge/";

    private readonly EmbeddedHttpServer _server;

    private Http01Responder(EmbeddedHttpServer server)
    {
        _server = server;
        Port = server.BoundEndpoints[0].Port;
    }

    /// <summary>The port actually bound (useful when started on port 0).</summary>
    public int Port { get; }

    public static Task<Http01Responder> StartAsync(
        IPEndPoint endpoint, Http01TokenStore store, ILoggerFactory? loggerFactory, CancellationToken cancellationToken) =>
        StartAsync(endpoint, store, loggerFactory, null, cancellationToken);

    /// <summary>Starts with the given connection budget and observer (null: <see cref="Hosting.ListenerBudgets.Http01"/> without metrics).</summary>
    public static Task<Http01Responder> StartAsync(
        IPEndPoint endpoint, Http01TokenStore store, ILoggerFactory? loggerFactory, HttpServerOptions? options, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var server = EmbeddedHttpServer.Start(
            [endpoint],
            (request, _) => ValueTask.FromResult(Answer(request.Method, request.Path, store)),
            options ?? Hosting.ListenerBudgets.Http01(),
            loggerFactory?.CreateLogger<Http01Responder>());
        return Task.FromResult(new Http01Responder(server));
    }

    /// <summary>The whole behaviour as a pure function: the key authorization for a known token, 404 otherwise.</summary>
    public static HttpAnswer Answer(string method, string path, Http01TokenStore store)
    {
        if (method is not ("GET" or "HEAD"))
        {
            return HttpAnswer.MethodNotAllowed();
        }
        // RFC 8555 8.3: the body is the key authorization in ASCII; no content type is required of it.
        return path.StartsWith(PathPrefix, StringComparison.Ordinal) && store.TryGet(path[PathPrefix.Length..], out var keyAuthorization)
            ? HttpAnswer.Content(200, "text/plain", keyAuthorization)
            : HttpAnswer.NotFound();
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
