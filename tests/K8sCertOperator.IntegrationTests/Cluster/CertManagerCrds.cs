using k8s;

namespace K8sCertOperator.IntegrationTests.Cluster;

/// <summary>
/// cert-manager's own CRDs (v1.21.1, unchanged) from <c>../shared/reference/cert-manager-v1.21.1-crds/</c> beside the
/// repository (or beside any ancestor of it, so git worktrees find it too); K8SCERT_TEST_REFERENCE_DIR names the
/// reference folder elsewhere, as for the parity and Gateway API tests. The one installer of them for the api-mode and
/// `check migration` tests.
/// <para>
/// On the stand-in (a fresh API server per test) each is created or replaced. On a real cluster
/// (<see cref="KubeTestEnvironment.IsRealCluster"/>) a cert-manager CRD the cluster already has is left alone and used as
/// it is, whatever cert-manager version installed it (tests then run against that version); only the missing ones are
/// created, and those stay installed: tests never delete cert-manager's CRDs, on any tier.
/// </para>
/// </summary>
public static class CertManagerCrds
{
    public const string Variable = "K8SCERT_TEST_REFERENCE_DIR";
    private const string Folder = "cert-manager-v1.21.1-crds";
    private const string Relative = "shared/reference/" + Folder;

    // Certificate, CertificateRequest, Issuer, ClusterIssuer, Order, Challenge.
    private const int ExpectedCount = 6;

    /// <summary>The folder, or null when it is not there.</summary>
    public static string? Directory()
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } reference)
        {
            var configured = Path.Combine(reference, Folder);
            return System.IO.Directory.Exists(configured) ? configured : null;
        }

        for (var dir = new DirectoryInfo(RepositoryRoot.Find()).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, Relative);
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Why the cert-manager tier cannot run here, or null.</summary>
    public static string? MissingReason() => Directory() is not { } directory
        ? $"cert-manager's CRDs not found: ../{Relative}/ beside the repository (or {Folder} under {Variable}) is absent"
        : CrdManifests.Load(directory).Count < ExpectedCount
            ? $"cert-manager's CRDs incomplete: {directory} holds fewer than its {ExpectedCount} CRDs"
            : null;

    /// <summary>A test environment with these CRDs applied; skips the calling test, saying why, when they are absent.</summary>
    public static async Task<KubeTestEnvironment> EnvironmentAsync(Xunit.Abstractions.ITestOutputHelper output, CancellationToken cancellationToken)
    {
        var missing = MissingReason();
        Skip.If(missing is not null, missing);
        var env = await KubeTestEnvironment.StartAsync(output, cancellationToken).ConfigureAwait(false);
        try
        {
            await ApplyAsync(env, cancellationToken).ConfigureAwait(false);
            return env;
        }
        catch
        {
            await env.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Installs them for <paramref name="env"/>: replaced on the stand-in, only the missing ones created on a real cluster.</summary>
    public static Task ApplyAsync(KubeTestEnvironment env, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(env);
        return ApplyAsync(env.Client, env.IsRealCluster, cancellationToken);
    }

    /// <summary>
    /// Installs them through <paramref name="client"/>: with <paramref name="realCluster"/> only the CRDs it lacks are
    /// created (waiting until they are Established) and the cluster's own are left as they are; otherwise each is
    /// created or replaced. Returns the names it created or replaced.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(IKubernetes client, bool realCluster, CancellationToken cancellationToken)
    {
        var crds = CrdManifests.Load(Directory() ?? throw new InvalidOperationException(MissingReason()));
        if (realCluster)
        {
            return await CrdManifests.CreateMissingAsync(client, crds, waitEstablished: true, cancellationToken).ConfigureAwait(false);
        }

        await CrdManifests.ApplyAsync(client, crds, waitEstablished: false, cancellationToken).ConfigureAwait(false);
        return crds.Select(c => c.Metadata.Name).ToList();
    }
}
