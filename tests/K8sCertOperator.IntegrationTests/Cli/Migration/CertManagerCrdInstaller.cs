using System.Net;
using k8s;
using k8s.Autorest;
using k8s.Models;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.StandIn;

namespace K8sCertOperator.IntegrationTests.Cli.Migration;

/// <summary>
/// cert-manager v1.21.1's own CRDs, from <c>../shared/reference/cert-manager-v1.21.1-crds</c> beside the repository
/// (or <c>$K8SCERT_TEST_REFERENCE_DIR/cert-manager-v1.21.1-crds</c>), POSTed to the API server as a cluster gets them.
/// A cluster that already has them keeps its own.
/// </summary>
public static class CertManagerCrdInstaller
{
    public static string Directory => Path.GetFullPath(Path.Combine(
        Environment.GetEnvironmentVariable("K8SCERT_TEST_REFERENCE_DIR") is { Length: > 0 } dir ? dir : Path.Combine(RepositoryRoot.Find(), "..", "shared", "reference"),
        "cert-manager-v1.21.1-crds"));

    /// <summary>Null when the CRDs are here, else why the tier cannot run.</summary>
    public static string? MissingReason() => CrdManifests.Load(Directory).Count >= 6
        ? null
        : $"cert-manager's CRDs are not at {Directory} (a fresh clone has no ../shared/reference; set K8SCERT_TEST_REFERENCE_DIR to the folder holding cert-manager-v1.21.1-crds)";

    /// <summary>
    /// Installs each CRD the cluster lacks. Should the stand-in refuse one (it carries selectableFields, a Kubernetes
    /// 1.30 field), the stand-in serves that resource without a CRD instead; a real cluster's refusal fails the test.
    /// Returns how each one got there, for the log.
    /// </summary>
    public static async Task<string> InstallAsync(KubeTestEnvironment env, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(env);
        var notes = new List<string>();
        foreach (var crd in CrdManifests.Load(Directory))
        {
            if (await ExistsAsync(env.Client, crd.Metadata.Name, ct))
            {
                notes.Add(crd.Metadata.Name + " already installed");
                continue;
            }
            try
            {
                await CrdManifests.ApplyAsync(env.Client, [crd], waitEstablished: env.IsRealCluster, ct);
                notes.Add(crd.Metadata.Name + " POSTed");
            }
            catch (HttpOperationException refused) when (env.Server is { } server && refused.Response.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.BadRequest)
            {
                var version = crd.Spec.Versions.Single(v => v.Storage);
                server.RegisterResource(new ResourceType(crd.Spec.Group, version.Name, crd.Spec.Names.Plural, crd.Spec.Names.Kind,
                    crd.Spec.Scope == "Namespaced", HasStatusSubresource: version.Subresources?.Status is not null, AllowUnconditionalUpdate: false));
                notes.Add($"{crd.Metadata.Name} refused by the stand-in ({refused.Response.Content}), served without a CRD");
            }
        }
        return string.Join("; ", notes);
    }

    private static async Task<bool> ExistsAsync(IKubernetes client, string name, CancellationToken ct)
    {
        try
        {
            await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(name, cancellationToken: ct);
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }
}
