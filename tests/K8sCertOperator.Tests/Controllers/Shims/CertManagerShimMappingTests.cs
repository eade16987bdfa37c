using K8sCertOperator.Api;
using K8sCertOperator.Controllers.GatewayShim;
using K8sCertOperator.Controllers.IngressShim;
using K8sCertOperator.Controllers.Shims;
using K8sCertOperator.Tests.Controllers.IngressShim;
using static K8sCertOperator.Tests.Controllers.GatewayShim.GatewayObjects;

namespace K8sCertOperator.Tests.Controllers.Shims;

/// <summary>
/// The shims in cert-manager's API: an Ingress or Gateway as cert-manager's users annotate it maps to the Certificate
/// cert-manager's shims would create (its group, the owner's labels, explicit default usages), so a Certificate
/// cert-manager created is taken over without a spurious update.
/// </summary>
public sealed class CertManagerShimMappingTests
{
    private static readonly Dictionary<string, string> Labels = new()
    {
        ["app"] = "web",
        ["cert-manager.io/team"] = "edge",
        [ShimCertificateLabels.ApplySetPartOf] = "applyset-1",
    };

    [Fact]
    public void IngressGetsCertManagersCertificate()
    {
        var ingress = IngressObjects.Ingress(
            new Dictionary<string, string>
            {
                ["cert-manager.io/cluster-issuer"] = "ca",
                ["cert-manager.io/duration"] = "720h",
                ["cert-manager.io/private-key-algorithm"] = "ECDSA",
                ["acme.cert-manager.io/http01-ingress-class"] = "public",
            },
            ("web-tls", ["web.example.com"]));
        ingress.Metadata.Labels = new Dictionary<string, string>(Labels);

        var certificate = Assert.Single(IngressCertificateMapper.Map(ingress, ShimModes.CertManager).Certificates);

        Assert.Equal(("ca", ApiGroups.ClusterIssuerKind, ApiGroups.CertManager), (certificate.Spec.IssuerRef.Name, certificate.Spec.IssuerRef.Kind, certificate.Spec.IssuerRef.Group));
        Assert.Equal("720h", certificate.Spec.Duration);
        Assert.Equal(PrivateKeyAlgorithms.Ecdsa, certificate.Spec.PrivateKey!.Algorithm);
        Assert.Equal(KeyUsages.Default, certificate.Spec.Usages);
        // Native keys: the Certificate client writes them as cert-manager.io/... again.
        Assert.Equal("public", certificate.Metadata.Annotations[ShimAnnotations.Http01OverrideIngressClass]);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web", ["k8scert.io/team"] = "edge" }, certificate.Metadata.Labels);
    }

    [Fact]
    public void AnnotatedUsagesReplaceTheDefault()
    {
        var ingress = IngressObjects.Ingress(
            new Dictionary<string, string> { ["cert-manager.io/issuer"] = "ca", ["cert-manager.io/usages"] = "server auth" },
            ("web-tls", ["web.example.com"]));

        Assert.Equal([KeyUsages.ServerAuth], Assert.Single(IngressCertificateMapper.Map(ingress, ShimModes.CertManager).Certificates).Spec.Usages);
    }

    [Fact]
    public void OurSpellingIsNotActedOnInCertManagersApi()
    {
        var ingress = IngressObjects.Ingress(new Dictionary<string, string> { ["k8scert.io/issuer"] = "ca" }, ("web-tls", ["web.example.com"]));

        Assert.False(IngressCertificateMapper.Map(ingress, ShimModes.CertManager).Managed);
    }

    [Fact]
    public void ProblemsNameTheKeysTheUserWrote()
    {
        var ingress = IngressObjects.Ingress(
            new Dictionary<string, string> { ["cert-manager.io/issuer"] = "ca", ["cert-manager.io/renew-before"] = "soon", ["acme.cert-manager.io/http01-edit-in-place"] = "true" },
            ("web-tls", ["web.example.com"]));

        var mapping = IngressCertificateMapper.Map(ingress, ShimModes.CertManager);

        Assert.True(mapping.Invalid);
        Assert.StartsWith("cert-manager.io/renew-before \"soon\"", Assert.Single(mapping.Problems).Message, StringComparison.Ordinal);
        ingress.Metadata.Annotations.Remove("cert-manager.io/renew-before");
        Assert.StartsWith("acme.cert-manager.io/http01-edit-in-place is not supported", Assert.Single(IngressCertificateMapper.Map(ingress, ShimModes.CertManager).Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GatewayGetsCertManagersCertificate()
    {
        var gateway = Gateway(new Dictionary<string, string> { ["cert-manager.io/cluster-issuer"] = "ca" }, null, Https("a", "a.example.com", "edge-tls"));
        gateway.Metadata.Labels = new Dictionary<string, string>(Labels);

        var certificate = Assert.Single(GatewayCertificateMapper.MapGateway(gateway, [], ShimModes.CertManager).Certificates);

        Assert.Equal(("ca", ApiGroups.ClusterIssuerKind, ApiGroups.CertManager), (certificate.Spec.IssuerRef.Name, certificate.Spec.IssuerRef.Kind, certificate.Spec.IssuerRef.Group));
        Assert.Equal(KeyUsages.Default, certificate.Spec.Usages);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "web", ["k8scert.io/team"] = "edge" }, certificate.Metadata.Labels);
    }

    [Fact]
    public void OurApiLeavesLabelsAndUsagesAlone()
    {
        var ingress = IngressObjects.Ingress(new Dictionary<string, string> { ["k8scert.io/issuer"] = "ca" }, ("web-tls", ["web.example.com"]));
        ingress.Metadata.Labels = new Dictionary<string, string>(Labels);

        var certificate = Assert.Single(IngressCertificateMapper.Map(ingress, new ShimOptions()).Certificates);

        Assert.Null(certificate.Metadata.Labels);
        Assert.Null(certificate.Spec.Usages);
    }

    [Fact]
    public void ACertificateCertManagerCreatedNeedsNoUpdate()
    {
        var ingress = IngressObjects.Ingress(
            new Dictionary<string, string> { ["cert-manager.io/cluster-issuer"] = "ca", ["cert-manager.io/duration"] = "2160h", ["cert-manager.io/renew-before"] = "360h" },
            ("web-tls", ["web.example.com"]));
        ingress.Metadata.Labels = new Dictionary<string, string> { ["app"] = "web" };
        var desired = Assert.Single(IngressCertificateMapper.Map(ingress, ShimModes.CertManager).Certificates);
        // As cert-manager's shim wrote it: metav1.Duration spelling, and its own Gateway parentRef annotations kept.
        var existing = Assert.Single(IngressCertificateMapper.Map(ingress, ShimModes.CertManager).Certificates);
        existing.Spec.Duration = "2160h0m0s";
        existing.Spec.RenewBefore = "360h0m0s";
        existing.Metadata.Annotations = new Dictionary<string, string> { ["acme.k8scert.io/http01-parentrefkind"] = "Gateway" };

        Assert.False(CertificateSpecSync.Apply(existing, desired));

        ingress.Metadata.Labels["app"] = "shop";
        Assert.True(CertificateSpecSync.Apply(existing, Assert.Single(IngressCertificateMapper.Map(ingress, ShimModes.CertManager).Certificates)));
        Assert.Equal("shop", existing.Metadata.Labels["app"]);
        Assert.Equal("Gateway", existing.Metadata.Annotations["acme.k8scert.io/http01-parentrefkind"]);
    }

    [Fact]
    public void IpHostsBecomeIpAddresses()
    {
        var ingress = IngressObjects.Ingress(new Dictionary<string, string> { ["cert-manager.io/issuer"] = "ca" }, ("web-tls", ["web.example.com", "10.0.0.1", "2001:db8::1", "10.1"]));

        var certificate = Assert.Single(IngressCertificateMapper.Map(ingress, ShimModes.CertManager).Certificates);

        Assert.Equal(["web.example.com", "10.1"], certificate.Spec.DnsNames);
        Assert.Equal(["10.0.0.1", "2001:db8::1"], certificate.Spec.IpAddresses);
        var existing = Assert.Single(IngressCertificateMapper.Map(ingress, ShimModes.CertManager).Certificates);
        existing.Spec.IpAddresses = ["10.0.0.1"];
        Assert.True(CertificateSpecSync.Apply(existing, certificate));
        Assert.Equal(["10.0.0.1", "2001:db8::1"], existing.Spec.IpAddresses);
    }

    [Fact]
    public void AnnotationsNotActedOnAreReportedAndTheCertificatesStillMade()
    {
        var annotations = new Dictionary<string, string>
        {
            ["cert-manager.io/cluster-issuer"] = "ca",
            ["cert-manager.io/secret-template"] = "{\"labels\":{\"a\":\"b\"}}",
            ["acme.cert-manager.io/http01-ingress-ingressclassname"] = "nginx",
        };
        var ingress = IngressObjects.Ingress(annotations, ("web-tls", ["web.example.com"]));
        var gateway = Gateway(annotations, null, Https("a", "a.example.com", "edge-tls"));

        foreach (var mapping in new[] { IngressCertificateMapper.Map(ingress, ShimModes.CertManager), GatewayCertificateMapper.MapGateway(gateway, [], ShimModes.CertManager) })
        {
            Assert.False(mapping.Invalid);
            Assert.Single(mapping.Certificates);
            Assert.All(mapping.Problems, p => Assert.Equal(ShimProblem.Unsupported, p.Reason));
            Assert.Equal(
                ["cert-manager.io/secret-template is not supported", "acme.cert-manager.io/http01-ingress-ingressclassname is not supported"],
                mapping.Problems.Select(p => p.Message[..p.Message.IndexOf(':', StringComparison.Ordinal)]));
        }
    }
}
