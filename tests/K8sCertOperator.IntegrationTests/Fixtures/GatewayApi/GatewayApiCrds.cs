using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using K8sCertOperator.IntegrationTests.Cluster;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Fixtures.GatewayApi;

/// <summary>
/// The Gateway API CRDs the tests need (Gateway, ListenerSet, HTTPRoute, ReferenceGrant, and GatewayClass where the
/// reference copy has it). Read from the unmodified Gateway API v1.6.1 copy in <c>../shared/reference/gateway-api-v1.6.1</c>
/// when a parent folder of the checkout holds it; otherwise from the minimal CRDs beside this class (only the fields
/// the operator and its tests use, every other field kept by <c>x-kubernetes-preserve-unknown-fields</c>).
/// <c>K8SCERT_TEST_GATEWAY_API_CRDS</c> names another folder to read instead of the reference copy;
/// <c>K8SCERT_TEST_GATEWAY_API_MINIMAL=1</c> forces the minimal CRDs.
/// <para>
/// <see cref="InstallMissingAsync(KubeTestEnvironment, CancellationToken)"/> only creates the CRDs the API server lacks,
/// on every tier. On a real cluster (<see cref="KubeTestEnvironment.IsRealCluster"/>) that already runs the Gateway API
/// its CRDs are left alone and used as they are, whatever release installed them; the ones the tests create stay
/// installed: tests never delete Gateway API CRDs.
/// </para>
/// </summary>
public static class GatewayApiCrds
{
    public const string ReferenceFolder = "gateway-api-v1.6.1";

    /// <summary>Set to 1 to use the minimal CRDs even where the reference copy exists (to test them).</summary>
    public const string MinimalVariable = "K8SCERT_TEST_GATEWAY_API_MINIMAL";

    /// <summary>Names a folder of Gateway API CRDs to use in place of the reference copy (another release, say).</summary>
    public const string DirectoryVariable = "K8SCERT_TEST_GATEWAY_API_CRDS";

    /// <summary>Every CRD a Gateway API test needs.</summary>
    public static readonly IReadOnlyList<string> Names =
    [
        "gateways.gateway.networking.k8s.io",
        "listenersets.gateway.networking.k8s.io",
        "httproutes.gateway.networking.k8s.io",
        "referencegrants.gateway.networking.k8s.io",
    ];

    /// <summary>
    /// The folder named by <see cref="DirectoryVariable"/>, else the reference copy's folder; null when neither exists
    /// or <see cref="MinimalVariable"/> is 1.
    /// </summary>
    public static string? ReferenceDirectory
    {
        get
        {
            if (Environment.GetEnvironmentVariable(MinimalVariable) == "1")
            {
                return null;
            }

            if (Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } chosen)
            {
                return Directory.Exists(chosen) ? chosen : null;
            }

            for (var dir = new DirectoryInfo(RepositoryRoot.Find()).Parent; dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "reference", ReferenceFolder);
                if (Directory.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }

    /// <summary>The minimal CRDs carried by this test project.</summary>
    public static string MinimalDirectory => Path.Combine(RepositoryRoot.Find(), "tests", "K8sCertOperator.IntegrationTests", "Fixtures", "GatewayApi");

    /// <summary>Where the CRDs come from, for test output.</summary>
    public static string Source => ReferenceDirectory is { } reference ? $"Gateway API CRDs from {reference}" : "minimal CRDs of the test project";

    /// <summary>The CRDs from the reference copy when present, else the minimal ones; always every name in <see cref="Names"/>.</summary>
    public static IReadOnlyList<V1CustomResourceDefinition> Load() => Load(ReferenceDirectory ?? MinimalDirectory);

    /// <summary>The CRDs in <paramref name="directory"/>; fails unless every name in <see cref="Names"/> is there.</summary>
    public static IReadOnlyList<V1CustomResourceDefinition> Load(string directory)
    {
        var crds = CrdManifests.Load(directory);
        var missing = Names.Except(crds.Select(c => c.Metadata.Name), StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Gateway API CRDs missing from {directory}: {string.Join(", ", missing)}");
        }

        return crds;
    }

    /// <summary>
    /// Installs the Gateway API CRDs the API server lacks and waits until they are served. CRDs already installed (a real
    /// cluster's own Gateway API, whatever its release, or one a parallel test created a moment ago) are left exactly as
    /// they are: a CRD is only ever created, never replaced. A reference CRD the API server refuses (one older than the
    /// Gateway API release supports) is replaced by its minimal stand-in. Returns the names it created.
    /// </summary>
    public static async Task<IReadOnlyList<string>> InstallMissingAsync(KubeTestEnvironment env, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(env);
        var fromReference = ReferenceDirectory is not null;
        var minimal = Load(MinimalDirectory).ToDictionary(c => c.Metadata.Name, StringComparer.Ordinal);
        var created = new List<string>();
        foreach (var crd in Load().Where(c => Names.Contains(c.Metadata.Name, StringComparer.Ordinal)))
        {
            var name = crd.Metadata.Name;
            bool creates;
            try
            {
                creates = await CrdManifests.CreateUnlessPresentAsync(env.Client, crd, waitEstablished: env.IsRealCluster, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException refused) when (fromReference
                && refused.Response.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest)
            {
                creates = await CrdManifests.CreateUnlessPresentAsync(env.Client, minimal[name], waitEstablished: env.IsRealCluster, cancellationToken).ConfigureAwait(false);
            }

            if (creates)
            {
                created.Add(name);
            }
        }

        return created;
    }

    /// <summary>Installs the missing CRDs as <see cref="InstallMissingAsync"/> does and writes where they came from to the test log.</summary>
    public static async Task InstallMissingAsync(KubeTestEnvironment env, ITestOutputHelper output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var installed = await InstallMissingAsync(env, cancellationToken).ConfigureAwait(false);
        output.WriteLine($"Gateway API CRDs: {Source}; installed {installed.Count} missing ones ({string.Join(", ", installed)})");
    }

    /// <summary>True when the API server has the CRD (installed by anyone).</summary>
    public static async Task<bool> ExistsAsync(IKubernetes client, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        try
        {
            await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
