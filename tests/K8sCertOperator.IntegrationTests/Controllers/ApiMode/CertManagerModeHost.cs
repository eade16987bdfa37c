using K8sCertOperator.Api;
using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Controllers.Certificates;
using K8sCertOperator.IntegrationTests.Harness;
using Microsoft.Extensions.Logging;

namespace K8sCertOperator.IntegrationTests.Controllers.ApiMode;

/// <summary>
/// The real host in --api-mode cert-manager with the Issuer, Certificate and CertificateRequest controllers (no ACME),
/// on a test environment that has cert-manager's own CRDs loaded.
/// </summary>
internal static class CertManagerModeHost
{
    /// <summary>Options for the test namespace; cert-manager's Lease is looked for in it (null name: not at all).</summary>
    public static OperatorOptions Options(KubeTestEnvironment env, string? certManagerLease = null) => new()
    {
        Namespace = env.Namespace,
        WatchNamespace = env.Namespace,
        LeaderElection = false,
        Http01Listen = "",
        MetricsListen = "",
        HealthListen = "",
        Workers = 2,
        ApiMode = ApiFlavor.CertManager,
        CertManagerLeaseNamespace = env.Namespace,
        CertManagerLeaseName = certManagerLease,
        RetryPeriod = TimeSpan.FromMilliseconds(200),
    };

    /// <param name="extra">More controllers to run beside the non-ACME ones (e.g. the shims).</param>
    public static Task<OperatorHost> StartAsync(
        KubeTestEnvironment env, OperatorOptions options, ILoggerFactory? logs, CancellationToken ct, IReadOnlyList<K8sCertOperator.Controllers.IControllerRegistration>? extra = null) =>
        NonAcmeOperatorHost.StartAsync(env, options, logs, ct, extra);

    /// <summary>
    /// The whole production line-up against Pebble (<see cref="OperatorHarnessOptions.EndToEnd"/>) in cert-manager mode,
    /// cert-manager's CRDs loaded and the operator started; skips the calling test, saying why, when the CRDs are absent.
    /// </summary>
    public static async Task<OperatorHarness> AcmeHarnessAsync(Xunit.Abstractions.ITestOutputHelper output, CancellationToken ct)
    {
        var missing = CertManagerCrds.MissingReason();
        Skip.If(missing is not null, missing);
        var options = OperatorHarnessOptions.EndToEnd with { Flavor = ApiFlavor.CertManager, Operator = o => o with { CertManagerLeaseName = null } };
        var h = await OperatorHarness.StartAsync(output, options, ct);
        try
        {
            await CertManagerCrds.ApplyAsync(h.Env, ct);
            await h.StartOperatorAsync(ct);
            return h;
        }
        catch
        {
            await h.DisposeAsync();
            throw;
        }
    }

    /// <summary>A test environment with cert-manager's CRDs loaded; skips the calling test, saying why, when they are absent.</summary>
    public static Task<KubeTestEnvironment> EnvironmentAsync(Xunit.Abstractions.ITestOutputHelper output, CancellationToken ct) =>
        CertManagerCrds.EnvironmentAsync(output, ct);
}
