using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Controllers.Orders;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.LeaderElection;
using K8sCertOperator.Solvers.Dns01;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Shims;

/// <summary>
/// Shim controllers (ingress-shim by default, or the given ones) alone inside the real host, against the stand-in API
/// server (or a cluster). Kind-specific helpers live in the partial files beside this one.
/// </summary>
internal sealed partial class ShimHarness : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly ILoggerFactory _logs;

    private ShimHarness(KubeTestEnvironment env, OperatorHost host, ILoggerFactory logs)
    {
        Env = env;
        Host = host;
        _logs = logs;
        Apis = new OperatorApis(env.Client);
        Events = CoreResourceApis.Events(env.Client);
    }

    public KubeTestEnvironment Env { get; }

    public OperatorHost Host { get; }

    public OperatorApis Apis { get; }

    public IResourceApi<Corev1Event> Events { get; }

    public string Namespace => Env.Namespace;

    /// <summary>
    /// Starts the API server environment, runs <paramref name="prepare"/> on it (e.g. installing CRDs the operator
    /// discovers at start-up), then the host with <paramref name="controllers"/> (default: ingress-shim).
    /// </summary>
    public static async Task<ShimHarness> StartAsync(
        ITestOutputHelper output, CancellationToken ct, Func<OperatorOptions, OperatorOptions>? adjust = null,
        IReadOnlyList<IControllerRegistration>? controllers = null, Func<KubeTestEnvironment, CancellationToken, Task>? prepare = null,
        ILoggerProvider? extraLogs = null)
    {
        var env = await KubeTestEnvironment.StartAsync(output, ct);
        var logs = LoggerFactory.Create(b =>
        {
            b.AddProvider(new TestOutputLoggerProvider(output)).SetMinimumLevel(LogLevel.Information);
            if (extraLogs is not null)
            {
                b.AddProvider(extraLogs);
            }
        });
        try
        {
            if (prepare is not null)
            {
                await prepare(env, ct);
            }

            var options = new OperatorOptions
            {
                Namespace = env.Namespace,
                WatchNamespace = env.Namespace,
                LeaderElection = false,
                Http01Listen = "",
                MetricsListen = "",
                HealthListen = "",
                Workers = 2,
            };
            options = adjust?.Invoke(options) ?? options;
            var services = new OperatorServices
            {
                AcmeAccounts = (apis, informers, o, l) => new AcmeAccountRegistry(apis, informers, o, l),
                DnsProviders = _ => new DnsProviderRegistry(),
                LeaderElection = (_, _, _) => new AlwaysLeader(),
            };
            var host = await OperatorHost.StartAsync(options, env.Client, controllers ?? [new K8sCertOperator.Controllers.IngressShim.IngressShimControllerRegistration()], services, logs, ct);
            await host.WaitForSyncAsync(ct);
            return new ShimHarness(env, host, logs);
        }
        catch
        {
            logs.Dispose();
            await env.DisposeAsync();
            throw;
        }
    }

    public Task<Certificate> WaitForCertificateAsync(string name, Func<Certificate, bool> done, string what, CancellationToken ct) =>
        WaitForAsync(c => Apis.Certificates.GetAsync(Namespace, name, c), done, what, ct);

    public async Task WaitForCertificateGoneAsync(string name, CancellationToken ct) =>
        await WaitForAsync(async c => await Apis.Certificates.GetAsync(Namespace, name, c) is null ? "gone" : null, _ => true, $"Certificate {name} deleted", ct);

    /// <summary>Waits for an Event about the object of <paramref name="kind"/> with this type and reason.</summary>
    public Task<Corev1Event> WaitForEventAsync(string name, string type, string reason, CancellationToken ct, string kind = "Ingress") =>
        WaitForAsync(
            async c => (await Events.ListAsync(Namespace, null, c)).Items.FirstOrDefault(e =>
                e.InvolvedObject?.Name == name && e.InvolvedObject.Kind == kind && e.Type == type && e.Reason == reason),
            _ => true, $"{type} event {reason} on {kind} {name}", ct);

    /// <summary>Messages of every Event of <paramref name="type"/> about the object of <paramref name="kind"/>.</summary>
    public async Task<IReadOnlyList<string>> EventMessagesAsync(string name, string kind, string type, CancellationToken ct) =>
        [.. (await Events.ListAsync(Namespace, null, ct)).Items
            .Where(e => e.InvolvedObject?.Name == name && e.InvolvedObject.Kind == kind && e.Type == type)
            .Select(e => e.Message)];

    public static Task<T> WaitForAsync<T>(Func<CancellationToken, Task<T?>> read, Func<T, bool> done, string what, CancellationToken ct)
        where T : class =>
        ApiPoll.UntilAsync(read, done, Patience, TimeSpan.FromMilliseconds(100), what, ct);

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Env.DisposeAsync();
        _logs.Dispose();
    }
}
