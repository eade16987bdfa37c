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

    /// <summary>The two CRDs from <paramref name="directory"/>, or null when it does not hold both.</summary>
    public static IReadOnlyList<V1CustomResourceDefinition>? Load(string directory)
    {
        var crds = CrdManifests.Load(directory).Where(c => Names.Contains(c.Metadata.Name)).OrderBy(c => c.Metadata.Name, StringComparer.Ordinal).ToList();
        return crds.Count == Names.Length ? crds : null;
    }

    /// <summary>
    /// Installs the CRDs the cluster does not have yet (a real cluster's own Gateway API install is left as it is):
    /// the reference copies when present, each replaced by its minimal stand-in if the API server refuses it (an older
    /// server than Gateway API v1.6 supports). Returns where they came from, for the test log.
    /// </summary>
    public static async Task<string> InstallAsync(KubeTestEnvironment env, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(env);
        var minimal = Load(MinimalDirectory) ?? throw new InvalidOperationException($"no HTTPRoute and ReferenceGrant CRDs in {MinimalDirectory}");
        var reference = Load(ReferenceDirectory);
        var sources = new List<string>();
        for (var i = 0; i < Names.Length; i++)
        {
            if (await ExistsAsync(env, minimal[i].Metadata.Name, ct))
            {
                sources.Add($"{minimal[i].Metadata.Name} already installed");
                continue;
            }
            if (reference is not null)
            {
                try
                {
                    await CrdManifests.ApplyAsync(env.Client, [reference[i]], waitEstablished: env.IsRealCluster, ct);
                    sources.Add($"{reference[i].Metadata.Name} from {ReferenceDirectory}");
                    continue;
                }
                catch (HttpOperationException refused) when (refused.Response.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest)
                {
                    sources.Add($"{reference[i].Metadata.Name} refused ({refused.Response.Content.Length} bytes of reasons), minimal one instead");
                }
            }
            await CrdManifests.ApplyAsync(env.Client, [minimal[i]], waitEstablished: env.IsRealCluster, ct);
            sources.Add($"{minimal[i].Metadata.Name} from {MinimalDirectory}");
        }
        return string.Join("; ", sources);
    }

    private static async Task<bool> ExistsAsync(KubeTestEnvironment env, string name, CancellationToken ct)
    {
        try
        {
            await env.Client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(name, cancellationToken: ct);
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
