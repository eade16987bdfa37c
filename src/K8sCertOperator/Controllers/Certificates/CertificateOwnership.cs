using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Kube;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>Owner references to a Certificate and mapping owned objects back to it.</summary>
public static class CertificateOwnership
{
    public static V1OwnerReference OwnerReference(Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return ControllerOwner.Reference(ApiGroups.CertApiVersion, ApiGroups.CertificateKind, certificate.Metadata);
    }

    /// <summary>Keys of the Certificates that own <paramref name="metadata"/> (controller owner reference).</summary>
    public static IEnumerable<ObjectKey> OwnerKeys(V1ObjectMeta? metadata)
    {
        foreach (var owner in metadata?.OwnerReferences ?? [])
        {
            if (owner.Kind == ApiGroups.CertificateKind && owner.ApiVersion?.StartsWith(ApiGroups.Cert + "/", StringComparison.Ordinal) == true)
            {
                yield return new ObjectKey(metadata!.NamespaceProperty, owner.Name);
            }
        }
    }

    /// <summary>True when <paramref name="metadata"/> has an owner reference to exactly this Certificate (by uid).</summary>
    public static bool IsOwnedBy(V1ObjectMeta? metadata, Certificate certificate) =>
        metadata?.OwnerReferences?.Any(o => o.Kind == ApiGroups.CertificateKind && o.Uid == certificate.Metadata.Uid) == true;

    /// <summary>Key of the Certificate a managed Secret was issued for, from its certificate-name annotation.</summary>
    public static IEnumerable<ObjectKey> SecretCertificateKeys(V1Secret secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (secret.Metadata?.Annotations?.TryGetValue(AnnotationKeys.CertificateName, out var name) == true && !string.IsNullOrEmpty(name))
        {
            yield return new ObjectKey(secret.Metadata.NamespaceProperty, name);
        }

        // Next-private-key Secrets are owned, not annotated.
        foreach (var key in OwnerKeys(secret.Metadata))
        {
            yield return key;
        }
    }
}
