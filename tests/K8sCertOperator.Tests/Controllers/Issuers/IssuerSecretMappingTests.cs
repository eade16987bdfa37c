using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.Kube;

namespace K8sCertOperator.Tests.Controllers.Issuers;

/// <summary>Which issuers a changed managed Secret wakes up.</summary>
public class IssuerSecretMappingTests
{
    [Theory]
    [InlineData("team-a", "acme-key", "team-a/acme")]
    [InlineData("team-a", "other", "")]
    [InlineData("team-b", "acme-key", "team-b/acme-b")]
    [InlineData("operator", "acme-key", "")]
    public void Namespaced_issuers_match_their_own_namespace(string secretNamespace, string secretName, string expected)
    {
        IGenericIssuer[] issuers =
        [
            Acme(new Issuer(), "team-a", "acme", "acme-key"),
            Acme(new Issuer(), "team-b", "acme-b", "acme-key"),
            new Issuer { Metadata = new V1ObjectMeta { Name = "ss", NamespaceProperty = "team-a" }, Spec = new IssuerSpec { SelfSigned = new SelfSignedIssuer() } },
        ];

        var keys = IssuerSecretMapping.AccountKeyUsers(issuers, Secret(secretNamespace, secretName), null);

        Assert.Equal(expected, string.Join(",", keys.Select(k => k.ToString())));
    }

    [Theory]
    [InlineData("operator", "acme-key", "global")]
    [InlineData("team-a", "acme-key", "")]
    public void Cluster_issuers_match_the_cluster_resource_namespace(string secretNamespace, string secretName, string expected)
    {
        IGenericIssuer[] issuers = [Acme(new ClusterIssuer(), null, "global", "acme-key")];

        var keys = IssuerSecretMapping.AccountKeyUsers(issuers, Secret(secretNamespace, secretName), "operator");

        Assert.Equal(expected, string.Join(",", keys.Select(k => k.ToString())));
        Assert.All(keys, k => Assert.Null(k.Namespace));
    }

    private static V1Secret Secret(string ns, string name) => new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns } };

    private static T Acme<T>(T issuer, string? ns, string name, string secret)
        where T : IGenericIssuer
    {
        issuer.Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns };
        issuer.Spec = new IssuerSpec { Acme = new AcmeIssuer { Server = "https://acme.example/dir", PrivateKeySecretRef = new SecretKeySelector { Name = secret } } };
        return issuer;
    }
}
