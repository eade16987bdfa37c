using K8sCertOperator.Api;

namespace K8sCertOperator.Tests.Api;

public sealed class ApiFlavorTests
{
    [Theory]
    [InlineData("k8scert.io/certificate-name", "cert-manager.io/certificate-name")]
    [InlineData("acme.k8scert.io/http01-solver", "acme.cert-manager.io/http01-solver")]
    [InlineData("acme.k8scert.io/finalizer", "acme.cert-manager.io/finalizer")]
    [InlineData("controller.k8scert.io/fao", "controller.cert-manager.io/fao")]
    [InlineData("k8scert.io/v1", "cert-manager.io/v1")]
    [InlineData("acme.k8scert.io/v1", "acme.cert-manager.io/v1")]
    [InlineData("kubernetes.io/tls-acme", "kubernetes.io/tls-acme")]
    [InlineData("app.kubernetes.io/managed-by", "app.kubernetes.io/managed-by")]
    [InlineData("notk8scert.io/x", "notk8scert.io/x")]
    [InlineData("gateway.networking.k8s.io/v1", "gateway.networking.k8s.io/v1")]
    [InlineData("v1", "v1")]
    [InlineData("plain-label", "plain-label")]
    public void CertManagerRenamesOurDomainsBothWays(string native, string wire)
    {
        Assert.Equal(wire, ApiFlavor.CertManager.ToWireKey(native));
        Assert.Equal(native, ApiFlavor.CertManager.FromWireKey(wire));
    }

    [Theory]
    [InlineData("k8scert.io/certificate-name")]
    [InlineData("cert-manager.io/certificate-name")]
    [InlineData("acme.k8scert.io/v1")]
    public void K8sCertRenamesNothing(string key)
    {
        Assert.Equal(key, ApiFlavor.K8sCert.ToWireKey(key));
        Assert.Equal(key, ApiFlavor.K8sCert.FromWireKey(key));
    }

    [Theory]
    [InlineData("k8scert", "k8scert.io", "acme.k8scert.io")]
    [InlineData("cert-manager", "cert-manager.io", "acme.cert-manager.io")]
    [InlineData(" Cert-Manager ", "cert-manager.io", "acme.cert-manager.io")]
    public void ModesNameTheirGroups(string mode, string certGroup, string acmeGroup)
    {
        var flavor = ApiFlavor.Find(mode);

        Assert.NotNull(flavor);
        Assert.Equal(certGroup, flavor.CertGroup);
        Assert.Equal(acmeGroup, flavor.AcmeGroup);
        Assert.Equal(acmeGroup, flavor.Resolve(ApiGroups.Orders).Group);
        Assert.Equal($"certificates.{certGroup}", flavor.Resolve(ApiGroups.Certificates).CrdName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("certmanager")]
    [InlineData(null)]
    public void UnknownModeIsNotFound(string? mode) => Assert.Null(ApiFlavor.Find(mode));
}
