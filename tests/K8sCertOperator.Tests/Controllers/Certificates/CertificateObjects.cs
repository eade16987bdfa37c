using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.CertificateRequests.AcmeOrders;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Policies;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Controllers.Certificates;

/// <summary>Small builders for Certificates, Orders and issued chains used by the step tables.</summary>
internal static class CertificateObjects
{
    public static Certificate Certificate(string name = "web", string secretName = "web-tls", DateTime? created = null, params string[] dnsNames) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = "ns",
            Uid = "uid-" + name,
            Generation = 1,
            CreationTimestamp = created ?? new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        },
        Spec = new CertificateSpec
        {
            SecretName = secretName,
            IssuerRef = new ObjectReference { Name = "le", Kind = ApiGroups.ClusterIssuerKind },
            DnsNames = dnsNames.Length > 0 ? [.. dnsNames] : ["example.com", "www.example.com"],
        },
    };

    /// <summary>The CertificateRequest the request step makes for <paramref name="certificate"/> and <paramref name="key"/>.</summary>
    public static (CertificateRequest Request, OrderRequest Wanted) Request(Certificate certificate, CertificateKey key, int revision = 1, string? replaces = null)
    {
        var wanted = OrderRequest.For(certificate, revision, key.ExportSubjectPublicKeyInfo());
        var csrPem = CsrBuilder.BuildPem(key, CertificateTemplateFactory.Create(certificate.Spec).Template);
        var request = CertificateRequestFactory.Build(certificate, wanted, csrPem, "web-next-key", replaces);
        request.Metadata.Uid = "uid-request-" + revision;
        return (request, wanted);
    }

    /// <summary>The Order an ACME issuer makes of that request.</summary>
    public static (Order Order, OrderRequest Request) Order(Certificate certificate, CertificateKey key, int revision = 1, string? replaces = null)
    {
        var (request, wanted) = Request(certificate, key, revision, replaces);
        var csr = CsrParser.ParsePem(System.Text.Encoding.ASCII.GetString(request.Spec.Request));
        return (OrderForRequest.Build(request, csr, null), wanted);
    }

    /// <summary>A leaf signed by a fresh CA: chain PEM (leaf, CA) and the CA PEM.</summary>
    public static (string ChainPem, string CaPem, string LeafPem) Chain(params string[] dnsNames)
    {
        using var caKey = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var now = DateTimeOffset.UtcNow;
        var ca = K8sCertOperator.Pki.SelfSignedIssuer.Issue(caKey, new CertificateTemplate { CommonName = "Test CA", IsCA = true }, TimeSpan.FromDays(10), now);
        using var signer = CaSigner.FromPem(ca.CertificatePem, caKey.ExportPem(PrivateKeyEncoding.Pkcs8), now);
        using var leafKey = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var issued = signer.Sign(new CertificateTemplate { DnsNames = dnsNames }, leafKey, TimeSpan.FromDays(1), now);
        var leafPem = PemCodec.EncodeCertificate(PemCodec.DecodeCertificates(issued.CertificatePem)[0]);
        return (leafPem + ca.CertificatePem, ca.CertificatePem, leafPem);
    }
}
