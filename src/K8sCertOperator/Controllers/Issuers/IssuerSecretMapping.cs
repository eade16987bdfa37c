using K8sCertOperator.Api;
using K8sCertOperator.Kube;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>
/// Maps a created, changed or deleted Secret to the issuers that reference it (<see cref="IssuerSecretReferences"/>):
/// those must look again at once, whoever made the Secret and whatever its labels.
/// </summary>
public static class IssuerSecretMapping
{
    /// <param name="issuers">Candidate issuers of one kind.</param>
    /// <param name="secretNamespace">The Secret's namespace.</param>
    /// <param name="secretName">The Secret's name.</param>
    /// <param name="clusterResourceNamespace">Where ClusterIssuer Secrets live; null for namespaced Issuers.</param>
    public static IEnumerable<ObjectKey> Users(IEnumerable<IGenericIssuer> issuers, string? secretNamespace, string? secretName, string? clusterResourceNamespace)
    {
        ArgumentNullException.ThrowIfNull(issuers);
        if (string.IsNullOrEmpty(secretName))
        {
            yield break;
        }

        foreach (var issuer in issuers)
        {
            var home = clusterResourceNamespace ?? issuer.Metadata?.NamespaceProperty;
            if (home == secretNamespace && IssuerSecretReferences.Names(issuer.Spec).Contains(secretName, StringComparer.Ordinal))
            {
                yield return ObjectKey.From(issuer);
            }
        }
    }
}
