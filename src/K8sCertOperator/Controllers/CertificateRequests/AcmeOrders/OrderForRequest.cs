using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Controllers.CertificateRequests.AcmeOrders;

/// <summary>
/// The Order that signs a CertificateRequest with an ACME issuer: same name and namespace, owned by the request, the
/// identifiers read from the verified CSR, and the request's Certificate annotations (name, revision, replaces, ingress
/// class override) and labels carried over so Challenges and Events still lead to the Certificate.
/// </summary>
public static class OrderForRequest
{
    private static readonly string[] CarriedAnnotations =
    [
        AnnotationKeys.CertificateName,
        AnnotationKeys.CertificateRevision,
        AnnotationKeys.AcmeReplaces,
        AnnotationKeys.AcmeHttp01OverrideIngressClass,
    ];

    public static Order Build(CertificateRequest request, ParsedCertificateRequest csr, string? profile)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(csr);
        var annotations = new Dictionary<string, string>();
        foreach (var key in CarriedAnnotations)
        {
            if (request.Metadata.Annotations?.TryGetValue(key, out var value) == true)
            {
                annotations[key] = value;
            }
        }

        var issuerRef = request.Spec.IssuerRef;
        return new Order
        {
            Metadata = new V1ObjectMeta
            {
                Name = request.Metadata.Name,
                NamespaceProperty = request.Metadata.NamespaceProperty,
                Labels = request.Metadata.Labels is { } labels ? new Dictionary<string, string>(labels) : null,
                Annotations = annotations,
                OwnerReferences = [OwnerReference(request)],
            },
            Spec = new OrderSpec
            {
                Request = PemCodec.DecodeCertificateRequestDer(System.Text.Encoding.ASCII.GetString(request.Spec.Request)),
                IssuerRef = new ObjectReference { Name = issuerRef.Name, Kind = issuerRef.EffectiveKind, Group = issuerRef.Group },
                CommonName = string.IsNullOrEmpty(csr.CommonName) ? null : csr.CommonName,
                DnsNames = csr.SubjectAltNames.DnsNames.Count > 0 ? [.. csr.SubjectAltNames.DnsNames] : null,
                IpAddresses = csr.SubjectAltNames.IpAddresses.Count > 0 ? [.. csr.SubjectAltNames.IpAddresses] : null,
                Duration = string.IsNullOrEmpty(request.Spec.Duration) ? null : request.Spec.Duration,
                Profile = string.IsNullOrEmpty(profile) ? null : profile,
            },
        };
    }

    public static V1OwnerReference OwnerReference(CertificateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Kube.ControllerOwner.Reference(ApiGroups.CertApiVersion, ApiGroups.CertificateRequestKind, request.Metadata);
    }

    /// <summary>
    /// The Order that signs <paramref name="request"/>: the one of the same name, else one the request controls (cert-manager
    /// names its Orders <c>&lt;request&gt;-&lt;hash&gt;</c>; a take-over resumes them).
    /// </summary>
    public static Order? Find(IInformer<Order> orders, CertificateRequest request)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(request);
        return orders.Get(new Kube.ObjectKey(request.Metadata.NamespaceProperty, request.Metadata.Name)) ?? Controlled(orders, request).FirstOrDefault();
    }

    /// <summary>Every cached Order of <paramref name="request"/>: the one of the same name and those it controls.</summary>
    public static IReadOnlyList<Order> All(IInformer<Order> orders, CertificateRequest request)
    {
        ArgumentNullException.ThrowIfNull(orders);
        ArgumentNullException.ThrowIfNull(request);
        var named = orders.Get(new Kube.ObjectKey(request.Metadata.NamespaceProperty, request.Metadata.Name));
        return [.. Controlled(orders, request).Where(o => o.Metadata.Name != named?.Metadata.Name).Prepend(named).OfType<Order>()];
    }

    private static IEnumerable<Order> Controlled(IInformer<Order> orders, CertificateRequest request)
    {
        var uid = request.Metadata.Uid;
        return OwnerUidIndex.Owned(orders, uid).Where(o => o.Metadata.OwnerReferences?.Any(r => r.Controller == true && r.Uid == uid) == true);
    }

    /// <summary>Key of the CertificateRequest that owns an Order, if one does.</summary>
    public static IEnumerable<Kube.ObjectKey> RequestKeys(V1ObjectMeta? metadata)
    {
        foreach (var owner in metadata?.OwnerReferences ?? [])
        {
            if (owner.Kind == ApiGroups.CertificateRequestKind && owner.ApiVersion == ApiGroups.CertApiVersion)
            {
                yield return new Kube.ObjectKey(metadata!.NamespaceProperty, owner.Name);
            }
        }
    }
}
