using Testcontainers.K3s;

namespace K8sCertOperator.IntegrationTests.Cluster;

/// <summary>
/// A k3s cluster in a container (Testcontainers), shared by a test class. When no Docker engine answers,
/// nothing starts and <see cref="SkipReason"/> says why, so tests skip visibly instead of passing.
/// </summary>
public sealed class K3sClusterFixture : IAsyncLifetime
{
    /// <summary>k3s image; override with K8SCERT_TEST_K3S_IMAGE.</summary>
    public static string Image => Environment.GetEnvironmentVariable("K8SCERT_TEST_K3S_IMAGE") ?? "rancher/k3s:v1.31.5-k3s1";

    private K3sContainer? _container;

    /// <summary>Null when the cluster runs; otherwise the reason tests must be skipped.</summary>
    public string? SkipReason { get; private set; }

    /// <summary>Kubeconfig file of the running cluster (null when skipped).</summary>
    public string? KubeconfigPath { get; private set; }

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        SkipReason = await DockerProbe.UnreachableReasonAsync(timeout.Token).ConfigureAwait(false);
        if (SkipReason is not null)
        {
            return;
        }
        _container = new K3sBuilder(Image).Build();
        await _container.StartAsync(timeout.Token).ConfigureAwait(false);
        KubeconfigPath = KubeconfigFile.WriteText(await _container.GetKubeconfigAsync().ConfigureAwait(false));
    }

    /// <summary>A per-test environment (CRDs applied, fresh namespace) on this cluster.</summary>
    public Task<KubeTestEnvironment> StartEnvironmentAsync(Xunit.Abstractions.ITestOutputHelper? output, CancellationToken cancellationToken) =>
        KubeTestEnvironment.ForKubeconfigAsync(
            KubeconfigPath ?? throw new InvalidOperationException(SkipReason ?? "k3s is not running"),
            "k3s", ownsKubeconfig: false, output, cancellationToken);

    public async Task DisposeAsync()
    {
        if (_container is not null)
        {
            await _container.DisposeAsync().ConfigureAwait(false);
        }
        if (KubeconfigPath is not null)
        {
            File.Delete(KubeconfigPath);
        }
    }
}
