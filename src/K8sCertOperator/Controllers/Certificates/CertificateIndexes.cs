using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>Informer indexes the Certificate controller adds, and the key mappings built on them.</summary>
public static class CertificateIndexes
{
    /// <summary>Certificates by the issuer they reference: "Issuer/ns/name" or "ClusterIssuer/name".</summary>
    public const string ByIssuer = "k8scert.io/certificate-issuer";

    /// <summary>Certificates by target Secret: "ns/secretName".</summary>
    public const string BySecretName = "k8scert.io/certificate-secret";

    /// <summary>CertificateRequests by the uid of the Certificate that owns them.</summary>
    public const string RequestsByOwnerUid = "k8scert.io/request-owner-uid";

    public static IEnumerable<string> IssuerKeys(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        var issuerRef = certificate.Spec.IssuerRef;
        if (issuerRef is null || string.IsNullOrEmpty(issuerRef.Name))
        {
            return [];
        }

        return [issuerRef.IsClusterIssuer ? ClusterIssuerKey(issuerRef.Name) : IssuerKey(certificate.Metadata.NamespaceProperty, issuerRef.Name)];
    }

    public static string IssuerKey(string? @namespace, string name) => $"{ApiGroups.IssuerKind}/{@namespace}/{name}";

    public static string ClusterIssuerKey(string name) => $"{ApiGroups.ClusterIssuerKind}/{name}";

    public static IEnumerable<string> SecretKeys(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return string.IsNullOrEmpty(certificate.Spec.SecretName) ? [] : [SecretKey(certificate.Metadata.NamespaceProperty, certificate.Spec.SecretName)];
    }

    public static string SecretKey(string? @namespace, string secretName) => $"{@namespace}/{secretName}";

    /// <summary>The Certificates an Order serves: its request's owner, or the one its certificate-name annotation names.</summary>
    public static IEnumerable<ObjectKey> OrderCertificates(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return CertificateOwnership.OwnerKeys(order.Metadata).Concat(AnnotatedCertificate(order.Metadata)).Distinct();
    }

    public static IEnumerable<string> OwnerUids(CertificateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return OwnerUids(request.Metadata);
    }

    private static IEnumerable<string> OwnerUids(k8s.Models.V1ObjectMeta? metadata) =>
        metadata?.OwnerReferences?.Where(o => o.Kind == ApiGroups.CertificateKind && !string.IsNullOrEmpty(o.Uid)).Select(o => o.Uid) ?? [];

    /// <summary>The Certificate an object made for it names in its certificate-name annotation (Orders, via their request).</summary>
    public static IEnumerable<ObjectKey> AnnotatedCertificate(k8s.Models.V1ObjectMeta? metadata) =>
        metadata?.Annotations?.TryGetValue(AnnotationKeys.CertificateName, out var name) == true && !string.IsNullOrEmpty(name)
            ? [new ObjectKey(metadata.NamespaceProperty, name)]
            : [];

    /// <summary>The Certificate itself and every other one aiming at the same Secret (a conflict may resolve).</summary>
    public static IEnumerable<ObjectKey> CertificateAndRivals(Certificate certificate, IInformer<Certificate> certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        yield return ObjectKey.From(certificate);
        foreach (var key in SecretKeys(certificate))
        {
            foreach (var rival in certificates.ByIndex(BySecretName, key))
            {
                if (rival.Metadata.Name != certificate.Metadata.Name)
                {
                    yield return ObjectKey.From(rival);
                }
            }
        }
    }
}
