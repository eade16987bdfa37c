using System.Text.Json.Nodes;
using K8sCertOperator.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.IntegrationTests.Controllers.Orders;

/// <summary>
/// A minimal ACME server on loopback that plays a hostile Issuer's CA: it accepts any account and order (JWS is
/// not verified) and answers with an authorization for <see cref="ForeignHost"/>, which no order asked for.
/// Pebble cannot be made to do that. Records whether any challenge was answered.
/// </summary>
internal sealed class ForeignAuthorizationAcmeServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _challengeAnswers;

    private ForeignAuthorizationAcmeServer(WebApplication app, int port, string foreignHost)
    {
        _app = app;
        DirectoryUrl = new Uri($"http://127.0.0.1:{port}/dir");
        ForeignHost = foreignHost;
    }

    public Uri DirectoryUrl { get; }

    /// <summary>The host every authorization is for.</summary>
    public string ForeignHost { get; }

    /// <summary>POSTs to the challenge URL: the operator told the CA to validate the foreign host.</summary>
    public int ChallengeAnswers => Volatile.Read(ref _challengeAnswers);

    public static async Task<ForeignAuthorizationAcmeServer> StartAsync(string foreignHost, CancellationToken ct)
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var server = new ForeignAuthorizationAcmeServer(app, port, foreignHost);
        var origin = $"http://127.0.0.1:{port}";
        app.Use(async (context, next) =>
        {
            context.Response.Headers["Replay-Nonce"] = Guid.NewGuid().ToString("N");
            context.Response.Headers.CacheControl = "no-store";
            await next(context);
        });
        app.MapGet("/dir", () => Json(new JsonObject
        {
            ["newNonce"] = origin + "/nonce",
            ["newAccount"] = origin + "/account",
            ["newOrder"] = origin + "/order",
        }));
        app.MapMethods("/nonce", ["HEAD", "GET"], () => Results.Ok());
        app.MapPost("/account", (HttpContext c) =>
        {
            c.Response.Headers.Location = origin + "/account/1";
            return Json(new JsonObject { ["status"] = "valid" }, StatusCodes.Status201Created);
        });
        app.MapPost("/order", (HttpContext c) =>
        {
            c.Response.Headers.Location = origin + "/order/1";
            return Json(server.Order(origin), StatusCodes.Status201Created);
        });
        app.MapPost("/order/1", () => Json(server.Order(origin)));
        app.MapPost("/authz/1", () => Json(new JsonObject
        {
            ["status"] = "pending",
            ["identifier"] = new JsonObject { ["type"] = "dns", ["value"] = foreignHost },
            ["challenges"] = new JsonArray(new JsonObject
            {
                ["type"] = "http-01",
                ["url"] = origin + "/chall/1",
                ["token"] = "foreign-token",
                ["status"] = "pending",
            }),
        }));
        app.MapPost("/chall/1", () =>
        {
            Interlocked.Increment(ref server._challengeAnswers);
            return Json(new JsonObject { ["type"] = "http-01", ["status"] = "processing", ["url"] = origin + "/chall/1", ["token"] = "foreign-token" });
        });
        await app.StartAsync(ct);
        return server;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private JsonObject Order(string origin) => new()
    {
        ["status"] = "pending",
        ["identifiers"] = new JsonArray(new JsonObject { ["type"] = "dns", ["value"] = ForeignHost }),
        ["authorizations"] = new JsonArray(origin + "/authz/1"),
        ["finalize"] = origin + "/order/1/finalize",
    };

    private static IResult Json(JsonObject body, int status = StatusCodes.Status200OK) =>
        Results.Content(body.ToJsonString(), "application/json", null, status);
}
