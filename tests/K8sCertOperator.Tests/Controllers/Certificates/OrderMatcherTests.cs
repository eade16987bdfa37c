using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Controllers.Certificates;

public class OrderMatcherTests
{
    public static TheoryData<string, Action<Order>, string?> Cases() => new()
    {
        { "unchanged", _ => { }, null },
        { "dns names reordered", o => o.Spec.DnsNames!.Reverse(), null },
        { "issuer group alias", o => o.Spec.IssuerRef.Group = "cert-manager.io", null },
        { "other name", o => o.Metadata.Name = "web-1-ffffffffff", "name" },
        { "dns name dropped", o => o.Spec.DnsNames!.RemoveAt(0), "dnsNames" },
        { "other issuer", o => o.Spec.IssuerRef.Name = "other", "issuerRef" },
        { "issuer kind", o => o.Spec.IssuerRef.Kind = "Issuer", "issuerRef" },
        { "common name", o => o.Spec.CommonName = "x.example", "commonName" },
        { "ip added", o => o.Spec.IpAddresses = ["10.0.0.1"], "ipAddresses" },
        { "duration", o => o.Spec.Duration = "1h", "duration" },
        { "garbage request", o => o.Spec.Request = [1, 2, 3], "request" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void DetectsWhatChanged(string what, Action<Order> mutate, string? expected)
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var (order, request) = CertificateObjects.Order(CertificateObjects.Certificate(), key);
        mutate(order);
        Assert.True(expected == OrderMatcher.Mismatch(order, request), what);
    }

    [Fact]
    public void ARequestForAnotherKeyDoesNotMatch()
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        using var other = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var certificate = CertificateObjects.Certificate();
        var (order, _) = CertificateObjects.Order(certificate, other);
        var request = OrderRequest.For(certificate, 1, key.ExportSubjectPublicKeyInfo());
        order.Metadata.Name = request.OrderName; // same name, CSR for the wrong key
        Assert.Equal("private key", OrderMatcher.Mismatch(order, request));
    }

    [Fact]
    public void FactoryLabelsAnnotatesAndOwns()
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var certificate = CertificateObjects.Certificate();
        certificate.Metadata.Labels = new Dictionary<string, string> { ["team"] = "a" };
        var (order, request) = CertificateObjects.Order(certificate, key, revision: 3);
        Assert.Equal(request.OrderName, order.Metadata.Name);
        Assert.Equal("a", order.Metadata.Labels["team"]);
        Assert.Equal(3, OrderFactory.RevisionOf(order));
        Assert.Equal("uid-web", Assert.Single(order.Metadata.OwnerReferences).Uid);
        var csr = CsrParser.ParseDer(order.Spec.Request);
        Assert.Equal(["example.com", "www.example.com"], csr.SubjectAltNames.DnsNames);
    }
}
