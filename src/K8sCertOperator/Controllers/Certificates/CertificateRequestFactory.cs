using System.Globalization;
using System.Text;
using k8s.Models;
using K8sCertOperator.Api;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>
/// Builds the CertificateRequest for one issuance of a Certificate: the CSR (public key only; the private key stays in
/// the next-key Secret, named by annotation for SelfSigned issuers), the issuerRef, duration, usages and CA flag,
/// owned by the Certificate and annotated with its name and revision.
/// </summary>
public static class CertificateRequestFactory
{
    /// <summary>Certificate annotations a request carries on to the Order it becomes.</summary>
    private static readonly string[] CarriedAnnotations = [AnnotationKeys.AcmeHttp01OverrideIngressClass, AnnotationKeys.AcmeProfile];

    public static CertificateRequest Build(Certificate certificate, OrderRequest request, string csrPem, string? nextKeySecretName, string? replaces)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(csrPem);
        var spec = certificate.Spec;
        var labels = certificate.Metadata.Labels is { } l ? new Dictionary<string, string>(l) : new Dictionary<string, string>();
        labels[LabelKeys.CertificateName] = LabelValue(certificate.Metadata.Name);
        var annotations = new Dictionary<string, string>
        {
            [AnnotationKeys.CertificateName] = certificate.Metadata.Name,
            [AnnotationKeys.CertificateRevision] = request.Revision.ToString(CultureInfo.InvariantCulture),
        };
        if (!string.IsNullOrEmpty(nextKeySecretName))
        {
            annotations[AnnotationKeys.PrivateKeySecretName] = nextKeySecretName;
        }

        if (!string.IsNullOrEmpty(spec.SignatureAlgorithm))
        {
            annotations[AnnotationKeys.SignatureAlgorithm] = spec.SignatureAlgorithm;
        }

        if (!string.IsNullOrEmpty(replaces))
        {
            // The CA links the new order to the certificate it replaces (RFC 9773 §5); the client sends it only
            // when the directory advertises renewalInfo.
            annotations[AnnotationKeys.AcmeReplaces] = replaces;
        }

        foreach (var carried in CarriedAnnotations)
        {
            if (certificate.Metadata.Annotations?.TryGetValue(carried, out var value) == true)
            {
                annotations[carried] = value;
            }
        }

        return new CertificateRequest
        {
            Metadata = new V1ObjectMeta
            {
                Name = request.OrderName,
                NamespaceProperty = certificate.Metadata.NamespaceProperty,
                Labels = labels,
                Annotations = annotations,
                OwnerReferences = [CertificateOwnership.OwnerReference(certificate)],
            },
            Spec = new CertificateRequestSpec
            {
                Request = Encoding.ASCII.GetBytes(csrPem),
                IssuerRef = new ObjectReference { Name = request.IssuerRef.Name, Kind = request.IssuerRef.EffectiveKind, Group = request.IssuerRef.Group },
                Duration = request.Duration,
                Usages = spec.Usages is { Count: > 0 } usages ? [.. usages] : null,
                IsCA = spec.IsCA == true ? true : null,
            },
        };
    }

    /// <summary>The revision a CertificateRequest (or Order) was created for; null when the annotation is missing or malformed.</summary>
    public static int? RevisionOf(V1ObjectMeta? metadata) =>
        metadata?.Annotations?.TryGetValue(AnnotationKeys.CertificateRevision, out var raw) == true
        && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : null;

    // Label values are limited to 63 characters; longer names are cut (the annotation keeps the full one).
    internal static string LabelValue(string name) => name.Length <= 63 ? name : name[..63].TrimEnd('-', '.');
}
