using System.Net;
using System.Text.RegularExpressions;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace K8sCertOperator.IntegrationTests.Cluster;

/// <summary>
/// Reads CustomResourceDefinitions from YAML files and installs them through the client: <see cref="ApplyAsync"/>
/// creates or replaces (the repository's own CRDs, and anything on a fresh stand-in); <see cref="CreateMissingAsync"/>
/// only creates what the API server lacks (CRDs a real cluster may already run with, e.g. cert-manager's or the
/// Gateway API's). Nothing here deletes a CRD.
/// </summary>
public static partial class CrdManifests
{
    /// <summary>
    /// Every CRD document in *.yaml / *.yml under <paramref name="directory"/> (recursively); other kinds
    /// (kustomization files and the like) are skipped. A missing directory yields nothing.
    /// </summary>
    public static IReadOnlyList<V1CustomResourceDefinition> Load(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return [];
        }
        var files = Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        var crds = new List<V1CustomResourceDefinition>();
        foreach (var file in files)
        {
            foreach (var document in DocumentSeparator().Split(File.ReadAllText(file)))
            {
                if (CrdKind().IsMatch(document))
                {
                    crds.Add(KubernetesYaml.Deserialize<V1CustomResourceDefinition>(document));
                }
            }
        }
        return crds;
    }

    /// <summary>Creates each CRD, replacing it when it already exists; optionally waits until each is Established.</summary>
    public static async Task ApplyAsync(IKubernetes client, IEnumerable<V1CustomResourceDefinition> crds, bool waitEstablished, CancellationToken cancellationToken)
    {
        foreach (var crd in crds)
        {
            try
            {
                await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            catch (HttpOperationException conflict) when (conflict.Response.StatusCode == HttpStatusCode.Conflict)
            {
                var existing = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(crd.Metadata.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
                crd.Metadata.ResourceVersion = existing.Metadata.ResourceVersion;
                await client.ApiextensionsV1.ReplaceCustomResourceDefinitionAsync(crd, crd.Metadata.Name, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            if (waitEstablished)
            {
                await WaitEstablishedAsync(client, crd.Metadata.Name, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Creates each CRD the API server does not have; one it has (installed by anyone, whatever its version, or created
    /// meanwhile by a parallel test) is left exactly as it is. Optionally waits until each is Established. Returns the
    /// names it created.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CreateMissingAsync(
        IKubernetes client, IEnumerable<V1CustomResourceDefinition> crds, bool waitEstablished, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(crds);
        var created = new List<string>();
        foreach (var crd in crds)
        {
            if (await CreateUnlessPresentAsync(client, crd, waitEstablished, cancellationToken).ConfigureAwait(false))
            {
                created.Add(crd.Metadata.Name);
            }
        }

        return created;
    }

    /// <summary>
    /// Creates the CRD unless the API server has one of that name (which is left as it is); optionally waits until it
    /// is Established either way. True when it created it.
    /// </summary>
    public static async Task<bool> CreateUnlessPresentAsync(
        IKubernetes client, V1CustomResourceDefinition crd, bool waitEstablished, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(crd);
        bool created;
        try
        {
            await client.ApiextensionsV1.CreateCustomResourceDefinitionAsync(crd, cancellationToken: cancellationToken).ConfigureAwait(false);
            created = true;
        }
        catch (HttpOperationException conflict) when (conflict.Response.StatusCode == HttpStatusCode.Conflict)
        {
            created = false;
        }

        if (waitEstablished)
        {
            await WaitEstablishedAsync(client, crd.Metadata.Name, cancellationToken).ConfigureAwait(false);
        }

        return created;
    }

    private static async Task WaitEstablishedAsync(IKubernetes client, string name, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var current = await client.ApiextensionsV1.ReadCustomResourceDefinitionAsync(name, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (current.Status?.Conditions?.Any(c => c.Type == "Established" && c.Status == "True") == true)
            {
                return;
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"CRD {name} was not Established within 60s");
            }
            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }

    [GeneratedRegex(@"^---[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex DocumentSeparator();

    [GeneratedRegex(@"^kind:\s*[""']?CustomResourceDefinition[""']?\s*$", RegexOptions.Multiline)]
    private static partial Regex CrdKind();
}
