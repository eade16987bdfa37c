using k8s.Models;
using K8sCertOperator.Controllers.Shims;

namespace K8sCertOperator.Controllers.IngressShim;

/// <summary>The informer index ingress-shim adds besides the Certificate ones (<see cref="ShimSource{T}"/>): Ingresses by TLS secret.</summary>
public static class IngressShimIndexes
{
    /// <summary>Ingresses by "namespace/secretName" of each TLS entry (a Certificate of that name concerns them).</summary>
    public const string IngressesBySecret = "k8scert.io/ingress-tls-secret";

    /// <summary>"namespace/secretName" of each TLS entry.</summary>
    public static IEnumerable<string> TlsSecretKeys(V1Ingress ingress)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        return (ingress.Spec?.Tls ?? [])
            .Where(t => !string.IsNullOrEmpty(t.SecretName))
            .Select(t => ShimIndexKeys.Of(ingress.Metadata.NamespaceProperty, t.SecretName))
            .Distinct(StringComparer.Ordinal);
    }
}
