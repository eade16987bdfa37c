using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Certificates;
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

    public static (Order Order, OrderRequest Request) Order(Certificate certificate, CertificateKey key, int revision = 1)
    {
        var request = OrderRequest.For(certificate, revision, key.ExportSubjectPublicKeyInfo());
        var template = new CertificateTemplate { DnsNames = certificate.Spec.DnsNames ?? [] };
        var order = OrderFactory.Build(certificate, request, CsrBuilder.BuildDer(key, template), null);
        return (order, request);
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
