using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Builds the kubernetes.io/tls Secret for an issued certificate on top of what exists, so keys, labels and
/// annotations a user added survive. The Secret is not owned by the Certificate (as in cert-manager): deleting a
/// Certificate keeps the workload served.
/// </summary>
public static class IssuedSecretBuilder
{
    public const string TlsType = "kubernetes.io/tls";

    public static V1Secret Build(V1Secret? existing, Certificate certificate, string chainPem, string keyPem, string? caPem, CertificateInfo leaf)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(chainPem);
        ArgumentNullException.ThrowIfNull(keyPem);
        ArgumentNullException.ThrowIfNull(leaf);
        var spec = certificate.Spec;
        var secret = new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta
            {
                Name = spec.SecretName,
                NamespaceProperty = certificate.Metadata.NamespaceProperty,
                ResourceVersion = existing?.Metadata?.ResourceVersion,
                Labels = Copy(existing?.Metadata?.Labels),
                Annotations = Copy(existing?.Metadata?.Annotations),
                OwnerReferences = existing?.Metadata?.OwnerReferences,
                Finalizers = existing?.Metadata?.Finalizers,
            },
            // The type of an existing Secret is immutable; keep it rather than fail the update.
            Type = string.IsNullOrEmpty(existing?.Type) ? TlsType : existing.Type,
            Data = existing?.Data is { } data ? new Dictionary<string, byte[]>(data) : new Dictionary<string, byte[]>(),
        };

        secret.Data[SecretKeys.TlsCertificate] = Encoding.ASCII.GetBytes(chainPem);
        secret.Data[SecretKeys.TlsPrivateKey] = Encoding.ASCII.GetBytes(keyPem);
        if (caPem is not null)
        {
            secret.Data[SecretKeys.CaCertificate] = Encoding.ASCII.GetBytes(caPem);
        }
        else
        {
            secret.Data.Remove(SecretKeys.CaCertificate);
        }

        foreach (var (k, v) in spec.SecretTemplate?.Labels ?? [])
        {
            secret.Metadata.Labels[k] = v;
        }

        secret.Metadata.Labels[LabelKeys.ManagedBy] = LabelKeys.ManagedByValue;

        foreach (var (k, v) in spec.SecretTemplate?.Annotations ?? [])
        {
            secret.Metadata.Annotations[k] = v;
        }

        foreach (var (k, v) in Annotations(certificate, leaf))
        {
            secret.Metadata.Annotations[k] = v;
        }

        return secret;
    }

    /// <summary>The operator's annotations on the Secret: origin and what the stored certificate contains.</summary>
    public static Dictionary<string, string> Annotations(Certificate certificate, CertificateInfo leaf)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(leaf);
        var issuerRef = certificate.Spec.IssuerRef;
        var result = new Dictionary<string, string>
        {
            [AnnotationKeys.CertificateName] = certificate.Metadata.Name,
            [AnnotationKeys.IssuerName] = issuerRef.Name,
            [AnnotationKeys.IssuerKind] = issuerRef.EffectiveKind,
            [AnnotationKeys.IssuerGroup] = string.IsNullOrEmpty(issuerRef.Group) ? ApiGroups.Cert : issuerRef.Group,
            [AnnotationKeys.CommonName] = leaf.CommonName ?? "",
            [AnnotationKeys.AltNames] = string.Join(",", leaf.SubjectAltNames.DnsNames),
            [AnnotationKeys.IpSans] = string.Join(",", leaf.SubjectAltNames.IpAddresses),
            [AnnotationKeys.UriSans] = string.Join(",", leaf.SubjectAltNames.Uris),
        };

        // Marks a manual renewal request as answered (see PolicyAnnotations.RenewRequestedAt).
        if (certificate.Metadata.Annotations?.TryGetValue(PolicyAnnotations.RenewRequestedAt, out var requested) == true)
        {
            result[PolicyAnnotations.RenewRequestedAt] = requested;
        }

        return result;
    }

    private static Dictionary<string, string> Copy(IDictionary<string, string>? source) =>
        source is null ? new Dictionary<string, string>() : new Dictionary<string, string>(source);
}
