using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers;
using K8sCertOperator.Controllers.IngressShim;
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

namespace K8sCertOperator.IntegrationTests.Controllers.IngressShim;

/// <summary>The ingress-shim controller alone inside the real host, against the stand-in API server (or a cluster).</summary>
internal sealed class IngressShimHarness : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly ILoggerFactory _logs;

    private IngressShimHarness(KubeTestEnvironment env, OperatorHost host, ILoggerFactory logs)
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

    public static async Task<IngressShimHarness> StartAsync(ITestOutputHelper output, CancellationToken ct, Func<OperatorOptions, OperatorOptions>? adjust = null)
    {
        var env = await KubeTestEnvironment.StartAsync(output, ct);
        var logs = LoggerFactory.Create(b => b.AddProvider(new TestOutputLoggerProvider(output)).SetMinimumLevel(LogLevel.Information));
        try
        {
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
            var host = await OperatorHost.StartAsync(options, env.Client, [new IngressShimControllerRegistration()], services, logs, ct);
            await host.WaitForSyncAsync(ct);
            return new IngressShimHarness(env, host, logs);
        }
        catch
        {
            logs.Dispose();
            await env.DisposeAsync();
            throw;
        }
    }

    public Task<V1Ingress> CreateIngressAsync(string name, IDictionary<string, string> annotations, (string Secret, string[] Hosts)[] tls, CancellationToken ct) =>
        Apis.Ingresses.CreateAsync(NewIngress(Namespace, name, annotations, tls), ct);

    /// <summary>An nginx Ingress with one rule per TLS host and the given TLS entries and annotations.</summary>
    public static V1Ingress NewIngress(string ns, string name, IDictionary<string, string> annotations, (string Secret, string[] Hosts)[] tls) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "Ingress",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Annotations = new Dictionary<string, string>(annotations) },
        Spec = new V1IngressSpec
        {
            IngressClassName = "nginx",
            Rules = [.. tls.SelectMany(t => t.Hosts).Distinct().Select(h => new V1IngressRule { Host = h })],
            Tls = [.. tls.Select(t => new V1IngressTLS { SecretName = t.Secret, Hosts = t.Hosts })],
        },
    };

    /// <summary>Reads the Ingress, changes it and writes it back (retrying on conflicts).</summary>
    public async Task UpdateIngressAsync(string name, Action<V1Ingress> change, CancellationToken ct)
    {
        while (true)
        {
            var ingress = await Apis.Ingresses.GetAsync(Namespace, name, ct) ?? throw new InvalidOperationException($"Ingress {name} is gone");
            change(ingress);
            try
            {
                await Apis.Ingresses.ReplaceAsync(ingress, ct);
                return;
            }
            catch (KubeApiException e) when (e.Kind == KubeApiErrorKind.Conflict)
            {
            }
        }
    }

    public Task<Certificate> WaitForCertificateAsync(string name, Func<Certificate, bool> done, string what, CancellationToken ct) =>
        WaitForAsync(c => Apis.Certificates.GetAsync(Namespace, name, c), done, what, ct);

    public async Task WaitForCertificateGoneAsync(string name, CancellationToken ct) =>
        await WaitForAsync(async c => await Apis.Certificates.GetAsync(Namespace, name, c) is null ? "gone" : null, _ => true, $"Certificate {name} deleted", ct);

    /// <summary>Waits for an Event about the Ingress with this type and reason; returns its message.</summary>
    public Task<Corev1Event> WaitForEventAsync(string ingressName, string type, string reason, CancellationToken ct) =>
        WaitForAsync(
            async c => (await Events.ListAsync(Namespace, null, c)).Items.FirstOrDefault(e =>
                e.InvolvedObject?.Name == ingressName && e.InvolvedObject.Kind == "Ingress" && e.Type == type && e.Reason == reason),
            _ => true, $"{type} event {reason} on Ingress {ingressName}", ct);

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
