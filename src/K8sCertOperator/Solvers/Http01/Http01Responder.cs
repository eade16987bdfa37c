using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Solvers.Http01;

/// <summary>
/// The operator's own HTTP-01 answerer: serves `GET /.well-known/acme-challenge/{token}` from
/// the token store and nothing else, so no solver pod is needed per challenge.
/// </summary>
public sealed class Http01Responder : IAsyncDisposable
{
    public const string PathPrefix = "/.well-known/acme-challenge/";

    private readonly WebApplication _app;

    private Http01Responder(WebApplication app) => _app = app;

    /// <summary>The port actually bound (useful when started on port 0).</summary>
    public int Port { get; private set; }

    public static async Task<Http01Responder> StartAsync(
        IPEndPoint endpoint, Http01TokenStore store, ILoggerFactory? loggerFactory, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (loggerFactory is not null)
        {
            builder.Services.AddSingleton(loggerFactory);
        }
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, K8sCertOperator.Hosting.PassiveHostLifetime>();
        builder.WebHost.ConfigureKestrel(k => k.Listen(endpoint));
        var app = builder.Build();
        app.Run(context => AnswerAsync(context, store));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var responder = new Http01Responder(app);
        responder.Port = BoundPort(app, endpoint.Port);
        return responder;
    }

    /// <summary>The request handler, separate so tests can drive it without sockets.</summary>
    public static Task AnswerAsync(HttpContext context, Http01TokenStore store)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        if ((HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
            && path.StartsWith(PathPrefix, StringComparison.Ordinal)
            && store.TryGet(path[PathPrefix.Length..], out var keyAuthorization))
        {
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "text/plain";
            return HttpMethods.IsHead(context.Request.Method)
                ? Task.CompletedTask
                : context.Response.WriteAsync(keyAuthorization, context.RequestAborted);
        }
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private static int BoundPort(WebApplication app, int requested)
    {
        if (requested != 0)
        {
            return requested;
        }
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses;
        var address = addresses?.FirstOrDefault() ?? throw new InvalidOperationException("responder has no bound address");
        return new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal)).Port;
    }
}
