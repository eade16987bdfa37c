using System.Net;
using System.Text.Json.Nodes;
using k8s;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace K8sCertOperator.IntegrationTests.StandIn;

/// <summary>
/// An in-process stand-in for kube-apiserver (plain HTTP, or HTTPS with a bearer token when asked) on 127.0.0.1, so tests drive the operator through
/// the real KubernetesClient: generic storage, resourceVersion concurrency, finalizers, ownerReference
/// garbage collection, watches, CRD registration, and fault injection.
/// </summary>
public sealed class StandInApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ObjectStore _store;
    private readonly ResourceOperations _operations;

    private StandInApiServer(WebApplication app, ObjectStore store, ResourceOperations operations, ResourceRegistry registry, FaultInjector faults, RequestCounters counters)
    {
        _app = app;
        _store = store;
        _operations = operations;
        Resources = registry;
        Faults = faults;
        Requests = counters;
    }

    /// <summary>Base URL, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string Host { get; private set; } = "";

    public int Port { get; private set; }

    /// <summary>The served resources; CRDs POSTed to the server are added here.</summary>
    public ResourceRegistry Resources { get; }

    /// <summary>Hooks to fail requests, drop watches and compact history.</summary>
    public FaultInjector Faults { get; }

    /// <summary>Counters of served resource requests per verb and path.</summary>
    public RequestCounters Requests { get; }

    /// <summary>The latest resourceVersion handed out.</summary>
    public long CurrentResourceVersion => _store.CurrentResourceVersion;

    /// <summary>Watch streams open right now.</summary>
    public int OpenWatchCount => _store.Hub.OpenCount;

    public static Task<StandInApiServer> StartAsync(CancellationToken cancellationToken) =>
        StartAsync(new StandInOptions(), cancellationToken);

    /// <summary>Starts listening on loopback; the <c>default</c> namespace already exists, as on a real cluster.</summary>
    public static async Task<StandInApiServer> StartAsync(StandInOptions options, CancellationToken cancellationToken)
    {
        var registry = ResourceRegistry.WithBuiltIns();
        var hub = new WatchHub(options.WatchHistoryCapacity);
        var store = new ObjectStore(hub);
        var operations = new ResourceOperations(store, registry, new DeletionLifecycle(store, registry));
        var faults = new FaultInjector(hub);
        var counters = new RequestCounters();

        // The empty builder reads no configuration files, so many servers in one test run add no file watchers.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, options.Port, listen =>
        {
            if (options.ServerCertificate is { } certificate)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        var server = new StandInApiServer(app, store, operations, registry, faults, counters);
        var router = new RequestRouter(registry, operations, new WatchStreamer(store, options.BookmarkInterval), faults, counters, () => $"127.0.0.1:{server.Port}");
        if (options.BearerToken is { } token)
        {
            app.Use((context, next) => context.Request.Headers.Authorization == "Bearer " + token ? next(context) : Unauthorized(context));
        }
        app.Run(router.HandleAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no listening address");
        server.Port = new Uri(address).Port;
        server.Options = options;
        server.Host = $"{(options.ServerCertificate is null ? "http" : "https")}://127.0.0.1:{server.Port}";
        operations.Create(registry.Find("", "v1", "namespaces")!, null, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "default" } });
        return server;
    }

    private static Task Unauthorized(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("""{"kind":"Status","apiVersion":"v1","status":"Failure","reason":"Unauthorized","code":401}""");
    }

    /// <summary>Serves an extra resource without a CRD (tests of odd kinds).</summary>
    public void RegisterResource(ResourceType type) => Resources.Register(type);

    /// <summary>Client configuration pointing at this server.</summary>
    public KubernetesClientConfiguration ClientConfiguration() => new()
    {
        Host = Host,
        AccessToken = Options.BearerToken,
        SslCaCerts = Options.CaCertificate is { } ca ? [ca] : null,
    };

    /// <summary>How the server was started (TLS, token).</summary>
    public StandInOptions Options { get; private set; } = new();

    /// <summary>A real KubernetesClient talking to this server; the caller disposes it.</summary>
    public IKubernetes CreateClient() => new Kubernetes(ClientConfiguration());

    /// <summary>Copies of every stored object (all resources, all namespaces) for assertions.</summary>
    public IReadOnlyList<JsonObject> StoredObjects() => [.. _store.All().Select(p => p.Object)];

    /// <summary>A copy of one stored object, or null; <paramref name="ns"/> is ignored for cluster-scoped resources.</summary>
    public JsonObject? GetStoredObject(string group, string plural, string? ns, string name) =>
        _store.Get(new ObjectKey(group, plural, ns ?? "", name)) ?? _store.Get(new ObjectKey(group, plural, "", name));

    /// <summary>Stores an object directly, bypassing HTTP (seeding state); namespace must exist for namespaced kinds.</summary>
    public JsonObject Seed(string group, string version, string plural, JsonObject obj)
    {
        var type = Resources.Find(group, version, plural) ?? throw new ArgumentException($"{plural}.{group}/{version} is not registered", nameof(plural));
        return _operations.Create(type, ObjectMeta.Get(obj, "namespace"), (JsonObject)obj.DeepClone());
    }

    public async ValueTask DisposeAsync()
    {
        // Ending watch streams first lets Kestrel stop without waiting for them to time out.
        _store.Hub.DropAll();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await _app.StopAsync(timeout.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
