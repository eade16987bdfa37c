using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Issuers;

namespace K8sCertOperator.Tests.Controllers.Issuers;

/// <summary>Which issuers a created, changed or deleted Secret wakes up: every reference an issuer spec can hold.</summary>
public class IssuerSecretMappingTests
{
    private static readonly IGenericIssuer[] Issuers =
    [
        Issuer("team-a", "ca", new IssuerSpec { Ca = new CaIssuer { SecretName = "root-ca" } }),
        Issuer("team-a", "acme", AcmeSpec(acme => acme.ExternalAccountBinding = new AcmeExternalAccountBinding { KeyId = "kid", KeySecretRef = Ref("eab-hmac") })),
        Issuer("team-a", "dns", AcmeSpec(acme => acme.Solvers =
        [
            new AcmeChallengeSolver { Http01 = new AcmeChallengeSolverHttp01() },
            new AcmeChallengeSolver { Dns01 = new AcmeChallengeSolverDns01 { Rfc2136 = new AcmeIssuerDnsRfc2136 { Nameserver = "ns:53", TsigSecretSecretRef = Ref("tsig") } } },
            new AcmeChallengeSolver { Dns01 = new AcmeChallengeSolverDns01 { Cloudflare = new AcmeIssuerDnsCloudflare { ApiTokenSecretRef = Ref("cf-token"), ApiKeySecretRef = Ref("cf-key") } } },
            new AcmeChallengeSolver { Dns01 = new AcmeChallengeSolverDns01 { Route53 = new AcmeIssuerDnsRoute53 { AccessKeyIdSecretRef = Ref("aws-id"), SecretAccessKeySecretRef = Ref("aws-secret") } } },
            new AcmeChallengeSolver { Dns01 = new AcmeChallengeSolverDns01 { Webhook = new AcmeIssuerDnsWebhook { GroupName = "g", SolverName = "s" } } },
        ], account: "dns-account")),
        Issuer("team-b", "acme-b", AcmeSpec()),
        Issuer("team-a", "ss", new IssuerSpec { SelfSigned = new SelfSignedIssuer() }),
    ];

    public static TheoryData<string, string, string, string> NamespacedCases => new()
    {
        { "CA key pair", "team-a", "root-ca", "team-a/ca" },
        { "ACME account key", "team-a", "acme-key", "team-a/acme" },
        { "EAB HMAC key", "team-a", "eab-hmac", "team-a/acme" },
        { "RFC 2136 TSIG key", "team-a", "tsig", "team-a/dns" },
        { "Cloudflare API token", "team-a", "cf-token", "team-a/dns" },
        { "Cloudflare API key", "team-a", "cf-key", "team-a/dns" },
        { "Route53 access key id", "team-a", "aws-id", "team-a/dns" },
        { "Route53 secret access key", "team-a", "aws-secret", "team-a/dns" },
        { "account key of another solver-bearing issuer", "team-a", "dns-account", "team-a/dns" },
        { "same name in another namespace wakes that namespace's issuer only", "team-b", "acme-key", "team-b/acme-b" },
        { "a Secret nobody references", "team-a", "unrelated", "" },
        { "a referenced name in a namespace without issuers", "operator", "root-ca", "" },
        { "no name", "team-a", "", "" },
    };

    [Theory]
    [MemberData(nameof(NamespacedCases))]
    public void Namespaced_issuers_are_woken_by_their_own_namespace_s_Secrets(string because, string secretNamespace, string secretName, string expected)
    {
        var keys = IssuerSecretMapping.Users(Issuers, secretNamespace, secretName, clusterResourceNamespace: null);

        Assert.True(expected == string.Join(",", keys.Select(k => k.ToString())), because);
    }

    [Theory]
    [InlineData("operator", "acme-key", "global")]
    [InlineData("operator", "root-ca", "global-ca")]
    [InlineData("team-a", "acme-key", "")]
    [InlineData("team-a", "root-ca", "")]
    public void Cluster_issuers_are_woken_by_Secrets_in_the_cluster_resource_namespace(string secretNamespace, string secretName, string expected)
    {
        IGenericIssuer[] issuers =
        [
            Cluster("global", AcmeSpec()),
            Cluster("global-ca", new IssuerSpec { Ca = new CaIssuer { SecretName = "root-ca" } }),
        ];

        var keys = IssuerSecretMapping.Users(issuers, secretNamespace, secretName, "operator").ToList();

        Assert.Equal(expected, string.Join(",", keys.Select(k => k.ToString())));
        Assert.All(keys, k => Assert.Null(k.Namespace));
    }

    private static SecretKeySelector Ref(string name) => new() { Name = name };

    private static IssuerSpec AcmeSpec(Action<AcmeIssuer>? adjust = null, string account = "acme-key")
    {
        var acme = new AcmeIssuer { Server = "https://acme.example/dir", PrivateKeySecretRef = Ref(account) };
        adjust?.Invoke(acme);
        return new IssuerSpec { Acme = acme };
    }

    private static Issuer Issuer(string ns, string name, IssuerSpec spec) =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns }, Spec = spec };

    private static ClusterIssuer Cluster(string name, IssuerSpec spec) =>
        new() { Metadata = new V1ObjectMeta { Name = name }, Spec = spec };
}
