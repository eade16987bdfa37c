using K8sCertOperator.Cli.Migration;

namespace K8sCertOperator.Tests.Cli.Migration;

public sealed class GroupDomainsTests
{
    [Theory]
    [InlineData("cert-manager.io", ManifestApi.K8sCert, "k8scert.io")]
    [InlineData("acme.cert-manager.io", ManifestApi.K8sCert, "acme.k8scert.io")]
    [InlineData("controller.cert-manager.io", ManifestApi.K8sCert, "controller.k8scert.io")]
    [InlineData("k8scert.io", ManifestApi.CertManager, "cert-manager.io")]
    [InlineData("acme.k8scert.io", ManifestApi.CertManager, "acme.cert-manager.io")]
    // Already in the target spelling.
    [InlineData("k8scert.io", ManifestApi.K8sCert, "k8scert.io")]
    // An external issuer's group under cert-manager's domain is not ours.
    [InlineData("awspca.cert-manager.io", ManifestApi.K8sCert, "awspca.cert-manager.io")]
    [InlineData("networking.k8s.io", ManifestApi.K8sCert, "networking.k8s.io")]
    [InlineData("", ManifestApi.CertManager, "")]
    public void Group(string group, ManifestApi to, string expected) => Assert.Equal(expected, GroupDomains.Group(group, to));

    [Theory]
    [InlineData("cert-manager.io/v1", ManifestApi.K8sCert, "k8scert.io/v1")]
    [InlineData("acme.k8scert.io/v1", ManifestApi.CertManager, "acme.cert-manager.io/v1")]
    [InlineData("v1", ManifestApi.K8sCert, "v1")]
    [InlineData("gateway.networking.k8s.io/v1", ManifestApi.CertManager, "gateway.networking.k8s.io/v1")]
    public void ApiVersion(string apiVersion, ManifestApi to, string expected) => Assert.Equal(expected, GroupDomains.ApiVersion(apiVersion, to));

    [Theory]
    [InlineData("cert-manager.io/cluster-issuer", ManifestApi.K8sCert, "k8scert.io/cluster-issuer")]
    [InlineData("acme.cert-manager.io/http01-edit-in-place", ManifestApi.K8sCert, "acme.k8scert.io/http01-edit-in-place")]
    [InlineData("controller.cert-manager.io/fao", ManifestApi.K8sCert, "controller.k8scert.io/fao")]
    [InlineData("k8scert.io/issuer-name", ManifestApi.CertManager, "cert-manager.io/issuer-name")]
    [InlineData("acme.k8scert.io/finalizer", ManifestApi.CertManager, "acme.cert-manager.io/finalizer")]
    // cert-manager's legacy Challenge finalizer becomes ours.
    [InlineData("finalizer.acme.cert-manager.io", ManifestApi.K8sCert, "acme.k8scert.io/finalizer")]
    [InlineData("venafi.cert-manager.io/custom-fields", ManifestApi.K8sCert, "venafi.cert-manager.io/custom-fields")]
    [InlineData("kubernetes.io/tls-acme", ManifestApi.K8sCert, "kubernetes.io/tls-acme")]
    [InlineData("app", ManifestApi.CertManager, "app")]
    // Only a prefix is a domain: a key naming the group after the slash stays.
    [InlineData("example.com/cert-manager.io", ManifestApi.K8sCert, "example.com/cert-manager.io")]
    public void Key(string key, ManifestApi to, string expected) => Assert.Equal(expected, GroupDomains.Key(key, to));
}
