using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Shims;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;

namespace K8sCertOperator.Controllers.IngressShim;

/// <summary>Informer indexes ingress-shim adds: Certificates by controlling Ingress uid, Ingresses by TLS secret.</summary>
public static class IngressShimIndexes
{
    /// <summary>Certificates by the uid of the Ingress that controls them.</summary>
    public const string CertificatesByIngressUid = "k8scert.io/certificate-ingress-uid";

    /// <summary>Certificates by "namespace/name" of the Ingress that controls them (found again once the Ingress is gone).</summary>
    public const string CertificatesByIngressName = "k8scert.io/certificate-ingress-name";

    /// <summary>Ingresses by "namespace/secretName" of each TLS entry (a Certificate of that name concerns them).</summary>
    public const string IngressesBySecret = "k8scert.io/ingress-tls-secret";

    public static IEnumerable<string> IngressUids(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return IngressOwnership.ControllerIngressUids(certificate.Metadata);
    }

    public static IEnumerable<string> IngressNames(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return IngressOwnership.ControllerIngressKeys(certificate.Metadata).Select(k => SecretKey(k.Namespace, k.Name));
    }

    public static IEnumerable<string> TlsSecretKeys(V1Ingress ingress)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        return (ingress.Spec?.Tls ?? [])
            .Where(t => !string.IsNullOrEmpty(t.SecretName))
            .Select(t => SecretKey(ingress.Metadata.NamespaceProperty, t.SecretName))
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>"namespace/name", the value format of both indexes.</summary>
    public static string SecretKey(string? @namespace, string name) => ShimIndexKeys.Of(@namespace, name);

    /// <summary>
    /// Ingresses a Certificate change concerns: its controlling Ingress, and any Ingress whose TLS entry
    /// names it (a conflicting Certificate going away lets that Ingress create its own).
    /// </summary>
    public static IEnumerable<ObjectKey> IngressKeysFor(Certificate certificate, IInformer<V1Ingress> ingresses)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(ingresses);
        var keys = new HashSet<ObjectKey>(IngressOwnership.ControllerIngressKeys(certificate.Metadata));
        foreach (var ingress in ingresses.ByIndex(IngressesBySecret, SecretKey(certificate.Metadata.NamespaceProperty, certificate.Metadata.Name)))
        {
            keys.Add(ObjectKey.From(ingress));
        }

        return keys;
    }
}
