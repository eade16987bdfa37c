using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using K8sCertOperator.IntegrationTests.Cluster;

namespace K8sCertOperator.IntegrationTests.Fixtures.GatewayApi;

/// <summary>
/// Serves the Gateway API kinds the gatewayHTTPRoute solver writes (HTTPRoute, ReferenceGrant) the way a real cluster
/// gets them: their CRDs POSTed to the API server. The CRDs are Gateway API v1.6.1's reference copies from
/// <c>../shared/reference/gateway-api-v1.6.1</c> beside the repository (or the folder named by
/// <c>K8SCERT_TEST_GATEWAY_API_CRDS</c>) when present, else the minimal ones in this folder.
/// </summary>
public static class HttpRouteCrdFixture
{
    /// <summary>Environment variable naming another folder of Gateway API CRDs.</summary>
    public const string DirectoryVariable = "K8SCERT_TEST_GATEWAY_API_CRDS";

    public static readonly string[] Names = ["httproutes.gateway.networking.k8s.io", "referencegrants.gateway.networking.k8s.io"];

    /// <summary>The reference copies' folder (it may not exist).</summary>
    public static string ReferenceDirectory =>
        Environment.GetEnvironmentVariable(DirectoryVariable) is { Length: > 0 } chosen
            ? chosen
            : Path.GetFullPath(Path.Combine(RepositoryRoot.Find(), "..", "shared", "reference", "gateway-api-v1.6.1"));

    /// <summary>This folder, with the minimal CRDs.</summary>
    public static string MinimalDirectory =>
        Path.Combine(RepositoryRoot.Find(), "tests", "K8sCertOperator.IntegrationTests", "Fixtures", "GatewayApi");

    /// <summary>The two CRDs and the folder they came from: the reference copies when both are there, else the minimal ones.</summary>
    public static (IReadOnlyList<V1CustomResourceDefinition> Crds, string Source) Load()
    {
        foreach (var directory in new[] { ReferenceDirectory, MinimalDirectory })
        {
            var crds = CrdManifests.Load(directory).Where(c => Names.Contains(c.Metadata.Name)).ToList();
            if (crds.Count == Names.Length)
            {
                return (crds, directory);
            }
        }
        throw new InvalidOperationException($"no HTTPRoute and ReferenceGrant CRDs in {MinimalDirectory}");
    }

    /// <summary>
    /// Installs the CRDs the cluster does not have yet (a real cluster's own Gateway API install is left as it is) and
    /// returns where they came from, for the test log.
    /// </summary>
    public static async Task<string> InstallAsync(KubeTestEnvironment env, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(env);
        var (crds, source) = Load();
        var missing = new List<V1CustomResourceDefinition>();
        foreach (var crd in crds)
        {
            try
            {
                await env.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name, cancellationToken: ct);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
            {
                missing.Add(crd);
            }
        }
        await CrdManifests.ApplyAsync(env.Client, missing, waitEstablished: env.IsRealCluster, ct);
        return missing.Count == 0 ? "already installed" : source;
    }
}
