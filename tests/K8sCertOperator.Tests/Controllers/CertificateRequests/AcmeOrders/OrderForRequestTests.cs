using K8sCertOperator.Api;
using K8sCertOperator.Controllers.CertificateRequests.AcmeOrders;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Pki;
using K8sCertOperator.Tests.Controllers.Certificates;

namespace K8sCertOperator.Tests.Controllers.CertificateRequests.AcmeOrders;

public class OrderForRequestTests
{
    [Fact]
    public void TheOrderIsNamedOwnedAndIdentifiedByTheRequest()
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var certificate = CertificateObjects.Certificate();
        certificate.Spec.CommonName = "example.com";
        certificate.Spec.IpAddresses = ["192.0.2.7"];
        certificate.Spec.Duration = "48h";
        var (request, _) = CertificateObjects.Request(certificate, key, revision: 2, replaces: "aki.serial");
        var csr = CsrParser.ParsePem(System.Text.Encoding.ASCII.GetString(request.Spec.Request));

        var order = OrderForRequest.Build(request, csr, "shortlived");

        Assert.Equal(request.Metadata.Name, order.Metadata.Name);
        var owner = Assert.Single(order.Metadata.OwnerReferences);
        Assert.Equal((ApiGroups.CertificateRequestKind, request.Metadata.Uid, true), (owner.Kind, owner.Uid, owner.Controller == true));
        Assert.Equal([new K8sCertOperator.Kube.ObjectKey("ns", request.Metadata.Name)], OrderForRequest.RequestKeys(order.Metadata));
        Assert.Equal(2, OrderFactory.RevisionOf(order));
        Assert.Equal("web", order.Metadata.Annotations[AnnotationKeys.CertificateName]);
        Assert.Equal("aki.serial", order.Metadata.Annotations[AnnotationKeys.AcmeReplaces]);
        Assert.False(order.Metadata.Annotations.ContainsKey(AnnotationKeys.PrivateKeySecretName));
        Assert.Equal("web", order.Metadata.Labels[LabelKeys.CertificateName]);
        Assert.Equal("example.com", order.Spec.CommonName);
        Assert.Equal(["example.com", "www.example.com"], order.Spec.DnsNames);
        Assert.Equal(["192.0.2.7"], order.Spec.IpAddresses);
        Assert.Equal("48h", order.Spec.Duration);
        Assert.Equal("shortlived", order.Spec.Profile);
        Assert.True(key.PublicKeyMatches(CsrParser.ParseDer(order.Spec.Request).PublicKey));
    }
}
