using System.Collections.Concurrent;
using k8s;
using k8s.Models;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Tests.Kube.Fakes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.Tests.Kube.Client;

/// <summary>
/// Checks our adapters over the real KubernetesClient HTTP stack (URLs, query parameters, patch content type,
/// watch-stream parsing, error mapping) using canned responses on loopback. Behaviour against a full API
/// server is covered by the integration tests.
/// </summary>
public sealed class ResourceApiHttpTests : IAsyncLifetime
{
    private const string WidgetsPath = "/apis/test.k8scert.io/v1/namespaces/ns/widgets";
    private readonly ConcurrentQueue<string> _requests = new();
    private WebApplication? _app;
    private Kubernetes? _client;

    private static string Status(int code, string reason) =>
        $$"""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"{{reason}}","code":{{code}}}""";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _app = builder.Build();
        _app.Use(async (ctx, next) =>
        {
            _requests.Enqueue($"{ctx.Request.Method} {ctx.Request.Path}{ctx.Request.QueryString} {ctx.Request.ContentType}".TrimEnd());
            await next(ctx);
        });
        _app.MapGet(WidgetsPath, async ctx =>
        {
            if (ctx.Request.Query["watch"] == "true")
            {
                await ctx.Response.WriteAsync("""{"type":"ADDED","object":{"apiVersion":"test.k8scert.io/v1","kind":"Widget","metadata":{"name":"w3","namespace":"ns","resourceVersion":"43"}}}""" + "\n");
                await ctx.Response.WriteAsync("""{"type":"ERROR","object":""" + Status(410, "Expired") + "}\n");
                return;
            }

            await ctx.Response.WriteAsync("""{"apiVersion":"test.k8scert.io/v1","kind":"WidgetList","metadata":{"resourceVersion":"42"},"items":[{"metadata":{"name":"w1","namespace":"ns"},"spec":{"size":"s"}},{"metadata":{"name":"w2","namespace":"ns"}}]}""");
        });
        _app.MapGet(WidgetsPath + "/missing", ctx => Reply(ctx, 404, Status(404, "NotFound")));
        _app.MapPost(WidgetsPath, ctx => Reply(ctx, 409, Status(409, "AlreadyExists")));
        _app.MapPut(WidgetsPath + "/w1/status", ctx => Reply(ctx, 409, Status(409, "Conflict")));
        _app.MapMethods(WidgetsPath + "/w1", ["PATCH"], ctx => Reply(ctx, 200, """{"metadata":{"name":"w1","namespace":"ns","resourceVersion":"44"}}"""));
        _app.MapDelete(WidgetsPath + "/gone", ctx => Reply(ctx, 404, Status(404, "NotFound")));
        _app.MapGet("/api/v1/namespaces/ns/secrets", async ctx =>
        {
            if (ctx.Request.Query["watch"] == "true")
            {
                await ctx.Response.WriteAsync("""{"type":"BOOKMARK","object":{"kind":"Secret","apiVersion":"v1","metadata":{"resourceVersion":"77"}}}""" + "\n");
                return;
            }

            await ctx.Response.WriteAsync("""{"kind":"SecretList","apiVersion":"v1","metadata":{"resourceVersion":"70"},"items":[{"metadata":{"name":"tls","namespace":"ns"}}]}""");
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new Kubernetes(new KubernetesClientConfiguration { Host = address });
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private static Task Reply(HttpContext ctx, int code, string body)
    {
        ctx.Response.StatusCode = code;
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(body);
    }

    [Fact]
    public async Task CustomResourceListCarriesItemsAndListVersion()
    {
        var list = await CoreResourceApis.Custom<TestWidget>(_client!).ListAsync("ns", null, default);
        Assert.Equal("42", list.ResourceVersion);
        Assert.Equal(["w1", "w2"], list.Items.Select(w => w.Name()));
        Assert.Equal("s", list.Items[0].Spec.Size);
        Assert.All(list.Items, w => Assert.Equal(("test.k8scert.io/v1", "Widget"), (w.ApiVersion, w.Kind))); // list items omit type meta
    }

    [Fact]
    public async Task WatchYieldsEventsThenSurfacesGoneAsTypedError()
    {
        var api = CoreResourceApis.Custom<TestWidget>(_client!);
        var seen = new List<string>();

        var e = await Assert.ThrowsAsync<KubeApiException>(async () =>
        {
            await foreach (var (type, obj) in api.WatchAsync("ns", null, "42", allowBookmarks: true, TimeSpan.FromMinutes(1), default))
            {
                seen.Add($"{type} {obj.Name()}");
            }
        });

        Assert.Equal(KubeApiErrorKind.Gone, e.Kind);
        Assert.Equal(["Added w3"], seen);
        Assert.Contains(_requests, r => r.StartsWith("GET " + WidgetsPath, StringComparison.Ordinal)
            && r.Contains("watch=true", StringComparison.Ordinal)
            && r.Contains("resourceVersion=42", StringComparison.Ordinal)
            && r.Contains("allowWatchBookmarks=true", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ErrorsMapToTypedOutcomes()
    {
        var api = CoreResourceApis.Custom<TestWidget>(_client!);

        Assert.Null(await api.GetAsync("ns", "missing", default));
        Assert.False(await api.DeleteAsync("ns", "gone", default));
        var exists = await Assert.ThrowsAsync<KubeApiException>(() => api.CreateAsync(TestWidget.Create("ns", "w1"), default));
        Assert.Equal(KubeApiErrorKind.AlreadyExists, exists.Kind);
        var conflict = await Assert.ThrowsAsync<KubeApiException>(() => api.ReplaceStatusAsync(TestWidget.Create("ns", "w1"), default));
        Assert.Equal(KubeApiErrorKind.Conflict, conflict.Kind);
    }

    [Fact]
    public async Task PatchIsSentAsMergePatch()
    {
        var patched = await CoreResourceApis.Custom<TestWidget>(_client!).PatchAsync("ns", "w1", """{"metadata":{"labels":{"a":"b"}}}""", default);
        Assert.Equal("44", patched.ResourceVersion());
        Assert.Contains(_requests, r => r.StartsWith("PATCH " + WidgetsPath + "/w1", StringComparison.Ordinal) && r.Contains("application/merge-patch+json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task BuiltInSecretsPassSelectorAndReadBookmarks()
    {
        var api = CoreResourceApis.Secrets(_client!);
        var list = await api.ListAsync("ns", "k8scert.io/managed=true", default);
        Assert.Equal("70", list.ResourceVersion);
        Assert.Equal("tls", Assert.Single(list.Items).Name());

        var events = new List<(WatchEventKind, string?)>();
        await foreach (var (type, obj) in api.WatchAsync("ns", "k8scert.io/managed=true", "70", true, null, default))
        {
            events.Add((type, obj.ResourceVersion()));
        }

        Assert.Equal([(WatchEventKind.Bookmark, "77")], events);
        Assert.Contains(_requests, r => r.Contains("labelSelector=k8scert.io%2Fmanaged%3Dtrue", StringComparison.OrdinalIgnoreCase));
    }
}
