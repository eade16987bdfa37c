using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using K8sCertOperator.IntegrationTests.StandIn;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Cluster;

/// <summary>
/// The Kubernetes API every integration test talks to: a real cluster when K8SCERT_TEST_KUBECONFIG is set,
/// otherwise the in-process stand-in API server. Either way the repository's CRDs are applied through the
/// client and a fresh namespace is created for the test and deleted on dispose.
/// </summary>
public sealed class KubeTestEnvironment : IAsyncDisposable
{
    /// <summary>Environment variable naming the kubeconfig of a real cluster to test against.</summary>
    public const string KubeconfigVariable = "K8SCERT_TEST_KUBECONFIG";

    private readonly bool _ownsKubeconfig;

    private KubeTestEnvironment(
        IKubernetes client, KubernetesClientConfiguration config, string ns, string tier,
        StandInApiServer? server, string kubeconfigPath, bool ownsKubeconfig)
    {
        Client = client;
        Config = config;
        Namespace = ns;
        Tier = tier;
        Server = server;
        KubeconfigPath = kubeconfigPath;
        _ownsKubeconfig = ownsKubeconfig;
    }

    /// <summary>A real KubernetesClient for the chosen tier.</summary>
    public IKubernetes Client { get; }

    public KubernetesClientConfiguration Config { get; }

    /// <summary>The fresh namespace of this test (<c>k8scert-test-…</c>).</summary>
    public string Namespace { get; }

    /// <summary>True for a real cluster (kubeconfig or k3s), false for the stand-in.</summary>
    public bool IsRealCluster => Server is null;

    /// <summary>"stand-in", "real-cluster" or "k3s".</summary>
    public string Tier { get; }

    /// <summary>The stand-in server (fault hooks, stored objects) or null on a real cluster.</summary>
    public StandInApiServer? Server { get; }

    /// <summary>A kubeconfig for child processes, e.g. an operator started with KUBECONFIG set to it.</summary>
    public string KubeconfigPath { get; }

    public static Task<KubeTestEnvironment> StartAsync(CancellationToken cancellationToken) => StartAsync(null, cancellationToken);

    /// <summary>Picks the tier, applies config/crd/*.yaml, creates the test namespace; logs the tier to <paramref name="output"/> (or the console).</summary>
    public static Task<KubeTestEnvironment> StartAsync(ITestOutputHelper? output, CancellationToken cancellationToken) =>
        StartAsync(output, null, cancellationToken);

    /// <summary>As above; on the stand-in tier, started with <paramref name="standIn"/> (e.g. HTTPS and a bearer token).</summary>
    public static async Task<KubeTestEnvironment> StartAsync(ITestOutputHelper? output, StandInOptions? standIn, CancellationToken cancellationToken)
    {
        var kubeconfig = Environment.GetEnvironmentVariable(KubeconfigVariable);
        if (!string.IsNullOrWhiteSpace(kubeconfig))
        {
            return await ForKubeconfigAsync(kubeconfig, "real-cluster", ownsKubeconfig: false, output, cancellationToken).ConfigureAwait(false);
        }

        var server = await StandInApiServer.StartAsync(standIn ?? new StandInOptions(), cancellationToken).ConfigureAwait(false);
        try
        {
            var config = server.ClientConfiguration();
            var client = new Kubernetes(config);
            var ns = NewNamespaceName();
            await PrepareAsync(client, ns, waitEstablished: false, cancellationToken).ConfigureAwait(false);
            var path = server.Options is { CaCertificate: { } ca, BearerToken: { } token }
                ? KubeconfigFile.WriteForTlsServer(server.Host, ns, ca, token)
                : KubeconfigFile.WriteForInsecureServer(server.Host, ns);
            Log(output, $"tier: stand-in API server at {server.Host}, namespace {ns}");
            return new KubeTestEnvironment(client, config, ns, "stand-in", server, path, ownsKubeconfig: true);
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>An environment on the cluster a kubeconfig file points at (used for real clusters and k3s).</summary>
    public static async Task<KubeTestEnvironment> ForKubeconfigAsync(
        string kubeconfigPath, string tier, bool ownsKubeconfig, ITestOutputHelper? output, CancellationToken cancellationToken)
    {
        var config = KubernetesClientConfiguration.BuildConfigFromConfigFile(kubeconfigPath);
        var client = new Kubernetes(config);
        var ns = NewNamespaceName();
        try
        {
            await PrepareAsync(client, ns, waitEstablished: true, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        Log(output, $"tier: {tier} at {config.Host}, namespace {ns}");
        return new KubeTestEnvironment(client, config, ns, tier, server: null, kubeconfigPath, ownsKubeconfig);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await Client.CoreV1.DeleteNamespaceAsync(Namespace, propagationPolicy: "Background", cancellationToken: timeout.Token).ConfigureAwait(false);
        }
        catch (HttpOperationException gone) when (gone.Response.StatusCode == HttpStatusCode.NotFound)
        {
            // The test deleted it already.
        }
        catch (Exception cleanup) when (Server is not null && cleanup is HttpRequestException or OperationCanceledException)
        {
            // A test may have stopped or wedged the stand-in; it is discarded anyway.
        }
        finally
        {
            Client.Dispose();
            if (Server is not null)
            {
                await Server.DisposeAsync().ConfigureAwait(false);
            }
            if (_ownsKubeconfig)
            {
                File.Delete(KubeconfigPath);
            }
        }
    }

    private static async Task PrepareAsync(IKubernetes client, string ns, bool waitEstablished, CancellationToken cancellationToken)
    {
        var crds = CrdManifests.Load(RepositoryRoot.CrdDirectory);
        await CrdManifests.ApplyAsync(client, crds, waitEstablished, cancellationToken).ConfigureAwait(false);
        await client.CoreV1.CreateNamespaceAsync(
            new V1Namespace { Metadata = new V1ObjectMeta { Name = ns, Labels = new Dictionary<string, string> { ["k8scert.io/test"] = "true" } } },
            cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private static string NewNamespaceName() => "k8scert-test-" + Guid.NewGuid().ToString("N")[..10];

    private static void Log(ITestOutputHelper? output, string message)
    {
        var line = $"[KubeTestEnvironment] {message}";
        if (output is null)
        {
            Console.WriteLine(line);
        }
        else
        {
            output.WriteLine(line);
        }
    }
}
