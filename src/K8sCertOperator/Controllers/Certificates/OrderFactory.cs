using System.Globalization;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;

namespace K8sCertOperator.Controllers.Certificates;

/// <summary>Builds the Order object for one issuance of a Certificate.</summary>
public static class OrderFactory
{
    /// <summary>The Order for one issuance; <paramref name="profile"/> is the issuer's, which the Certificate's profile annotation overrides.</summary>
    public static Order Build(Certificate certificate, OrderRequest request, byte[] csrDer, string? profile, string? replaces = null)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(csrDer);
        var labels = certificate.Metadata.Labels is { } l ? new Dictionary<string, string>(l) : new Dictionary<string, string>();
        labels[LabelKeys.CertificateName] = LabelValue(certificate.Metadata.Name);
        var order = new Order
        {
            Metadata = new V1ObjectMeta
            {
                Name = request.OrderName,
                NamespaceProperty = certificate.Metadata.NamespaceProperty,
                Labels = labels,
                Annotations = new Dictionary<string, string>
                {
                    [AnnotationKeys.CertificateRevision] = request.Revision.ToString(CultureInfo.InvariantCulture),
                    [AnnotationKeys.CertificateName] = certificate.Metadata.Name,
                },
                OwnerReferences = [CertificateOwnership.OwnerReference(certificate)],
            },
            Spec = new OrderSpec
            {
                Request = csrDer,
                IssuerRef = new ObjectReference { Name = request.IssuerRef.Name, Kind = request.IssuerRef.EffectiveKind, Group = request.IssuerRef.Group },
                CommonName = request.CommonName,
                DnsNames = request.DnsNames.Count > 0 ? request.DnsNames.ToList() : null,
                IpAddresses = request.IpAddresses.Count > 0 ? request.IpAddresses.ToList() : null,
                Duration = request.Duration,
                Profile = Orders.AcmeProfileSelection.Resolve(certificate.Metadata.Annotations?.AsReadOnly(), profile),
            },
        };
        if (certificate.Metadata.Annotations?.TryGetValue(AnnotationKeys.AcmeHttp01OverrideIngressClass, out var ingressClass) == true)
        {
            order.Metadata.Annotations[AnnotationKeys.AcmeHttp01OverrideIngressClass] = ingressClass;
        }
        if (!string.IsNullOrEmpty(replaces))
        {
            // The CA links the new order to the certificate it replaces (RFC 9773 §5); our client
            // sends it only when the directory advertises renewalInfo.
            order.Metadata.Annotations[AnnotationKeys.AcmeReplaces] = replaces;
        }
        return order;
    }

    /// <summary>The revision an Order was created for; null when the annotation is missing or malformed.</summary>
    public static int? RevisionOf(Order order)
    {
        ArgumentNullException.ThrowIfNull(order);
        return order.Metadata?.Annotations?.TryGetValue(AnnotationKeys.CertificateRevision, out var raw) == true
               && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var revision)
            ? revision
            : null;
    }

    // Label values are limited to 63 characters; names longer than that are cut (the annotation keeps the full one).
    private static string LabelValue(string name) => name.Length <= 63 ? name : name[..63].TrimEnd('-', '.');
}
