using System.CommandLine;
using K8sCertOperator.Api;
using K8sCertOperator.Cli;
using K8sCertOperator.Controllers.IngressShim;
using K8sCertOperator.Controllers.Shims;

namespace K8sCertOperator.Tests.Controllers.IngressShim;

/// <summary>The --default-issuer-* flags reach the ingress-shim options.</summary>
public sealed class ShimOptionsTests
{
    private static ShimOptions Parse(params string[] args)
    {
        var binder = new RunOptionsBinder();
        var root = new RootCommand();
        foreach (var option in binder.All)
        {
            root.Options.Add(option);
        }

        var parse = root.Parse(args);
        Assert.Empty(parse.Errors);
        return ShimOptions.From(binder.Bind(parse));
    }

    [Fact]
    public void DefaultsHaveNoDefaultIssuerAndTheFlagOff()
    {
        var options = Parse();

        Assert.Equal(new ShimOptions(), options);
    }

    [Fact]
    public void FlagsAreBound()
    {
        var options = Parse("--enable-cert-manager-annotations", "--default-issuer-name", "letsencrypt", "--default-issuer-kind", "ClusterIssuer", "--default-issuer-group", "cert-manager.io");

        Assert.Equal(new ShimOptions
        {
            CertManagerAnnotations = true,
            DefaultIssuerName = "letsencrypt",
            DefaultIssuerKind = ApiGroups.ClusterIssuerKind,
            DefaultIssuerGroup = ApiGroups.CertManager,
        }, options);
    }

    [Fact]
    public void BadDefaultIssuerKindIsReportedAtMappingTime()
    {
        var options = Parse("--enable-cert-manager-annotations", "--default-issuer-name", "x", "--default-issuer-kind", "Vault");
        var ingress = IngressObjects.Ingress(new Dictionary<string, string> { [AnnotationKeys.IngressTlsAcme] = "true" }, ("a-tls", ["a.example.com"]));

        var mapping = IngressCertificateMapper.Map(ingress, options);

        Assert.True(mapping.Invalid);
        Assert.Contains("--default-issuer-kind \"Vault\"", Assert.Single(mapping.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CertManagerModeWritesItsGroupAndHonoursTlsAcme()
    {
        var options = Parse("--api-mode", "cert-manager");

        Assert.Equal(new ShimOptions { CertManagerAnnotations = true, IssuerGroup = ApiGroups.CertManager, Flavor = ApiFlavor.CertManager }, options);
        Assert.Equal(KeyUsages.Default, options.DefaultUsages);
    }
}
