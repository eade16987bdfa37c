using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Kube;

namespace K8sCertOperator.Controllers.Issuers;

/// <summary>Maps a changed Secret to the issuers whose ACME account key it holds (those must re-check their account).</summary>
public static class IssuerSecretMapping
{
    /// <param name="issuers">Candidate issuers of one kind.</param>
    /// <param name="secret">The Secret that changed.</param>
    /// <param name="clusterResourceNamespace">Where ClusterIssuer Secrets live; null for namespaced Issuers.</param>
    public static IEnumerable<ObjectKey> AccountKeyUsers(IEnumerable<IGenericIssuer> issuers, V1Secret secret, string? clusterResourceNamespace)
    {
        var secretNamespace = secret.Metadata?.NamespaceProperty;
        var secretName = secret.Metadata?.Name;
        if (string.IsNullOrEmpty(secretName))
        {
            yield break;
        }

        foreach (var issuer in issuers)
        {
            var home = clusterResourceNamespace ?? issuer.Metadata?.NamespaceProperty;
            if (home == secretNamespace && issuer.Spec?.Acme?.PrivateKeySecretRef?.Name == secretName)
            {
                yield return ObjectKey.From(issuer);
            }
        }
    }
}
