using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Cli.Ops;

namespace K8sCertOperator.Tests.Cli.Ops;

public sealed class ApiModeChoiceTests
{
    [Theory]
    [InlineData("k8scert", "k8scert")]
    [InlineData("cert-manager", "cert-manager")]
    [InlineData("Cert-Manager", "cert-manager")]
    [InlineData("auto", "auto")]
    [InlineData(" AUTO ", "auto")]
    [InlineData("certmanager", null)]
    [InlineData("", null)]
    public void Modes_are_the_operators_flag_values_plus_auto(string mode, string? expected) =>
        Assert.Equal(expected, ApiModeChoice.Find(mode)?.ToString());

    [Theory]
    [InlineData("auto", "k8scert.io", "k8scert")]
    [InlineData("auto", "cert-manager.io", "cert-manager")]
    [InlineData("auto", "both", "k8scert")]
    [InlineData("auto", "none", "k8scert")]
    [InlineData("cert-manager", "k8scert.io", "cert-manager")]
    [InlineData("k8scert", "cert-manager.io", "k8scert")]
    public void A_secret_belongs_to_the_api_whose_certificate_name_it_carries_unless_the_mode_is_fixed(string mode, string annotated, string expected)
    {
        var annotations = new Dictionary<string, string>();
        foreach (var group in annotated == "both" ? new[] { "k8scert.io", "cert-manager.io" } : annotated == "none" ? [] : [annotated])
        {
            annotations[group + "/certificate-name"] = "web";
        }

        var flavor = ApiModeChoice.Find(mode)!.ForSecret(new V1Secret { Metadata = new V1ObjectMeta { Annotations = annotations } });

        Assert.Equal(expected, flavor.Mode);
    }

    [Theory]
    [InlineData("auto", "cert-manager.io/v1", "cert-manager")]
    [InlineData("auto", "k8scert.io/v1", "k8scert")]
    [InlineData("auto", null, "k8scert")]
    [InlineData("k8scert", "cert-manager.io/v1", "k8scert")]
    [InlineData("cert-manager", "k8scert.io/v1", "cert-manager")]
    public void A_manifest_goes_to_the_api_of_its_api_version_under_auto(string mode, string? apiVersion, string expected) =>
        Assert.Equal(expected, ApiModeChoice.Find(mode)!.ForApiVersion(apiVersion).Mode);

    [Theory]
    [InlineData("k8scert", "error: Certificate apps/web not found")]
    [InlineData("cert-manager", "error: Certificate apps/web not found in cert-manager.io")]
    [InlineData("auto", "error: Certificate apps/web not found in k8scert.io or cert-manager.io")]
    public void Not_found_names_the_apis_looked_in_beyond_the_default(string mode, string expected) =>
        Assert.Equal(expected, ApiModeChoice.Find(mode)!.NotFound(ApiGroups.CertificateKind, "apps", "web"));

    [Fact]
    public void Auto_tries_k8scert_before_cert_manager() =>
        Assert.Equal([ApiFlavor.K8sCert, ApiFlavor.CertManager], ApiModeChoice.Auto.Candidates);

    [Theory]
    [InlineData("status certificate web", true)]
    [InlineData("status certificate web --api-mode cert-manager", true)]
    [InlineData("renew --all --api-mode auto", true)]
    [InlineData("revoke web --api-mode cert-manager", true)]
    [InlineData("inspect secret web-tls --api-mode auto", true)]
    [InlineData("approve web-1 --api-mode cert-manager", true)]
    [InlineData("deny web-1 --api-mode k8scert", true)]
    [InlineData("create certificaterequest r --from-certificate c.yaml --api-mode auto", true)]
    [InlineData("status certificate web --api-mode certmanager", false)]
    [InlineData("check api --api-mode cert-manager", false)]
    [InlineData("check migration --api-mode cert-manager", false)]
    public void The_ops_commands_take_api_mode_and_the_check_commands_do_not(string line, bool valid) =>
        Assert.Equal(valid, K8sCertOperator.Cli.CommandLine.Build().Parse(line.Split(' ')).Errors.Count == 0);
}
