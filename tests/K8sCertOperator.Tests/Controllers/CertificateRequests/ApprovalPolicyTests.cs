using K8sCertOperator.Api;
using K8sCertOperator.Controllers.CertificateRequests.Approval;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Controllers.CertificateRequests;

public class ApprovalPolicyTests
{
    public static TheoryData<string, string?, string?, string, string, bool> Cases() => new()
    {
        // what, kind, group, --approve-signers, existing conditions, approved?
        { "own Issuer, default signers", null, null, SignerPatterns.DefaultText, "", true },
        { "own ClusterIssuer, default signers", "ClusterIssuer", "k8scert.io", SignerPatterns.DefaultText, "", true },
        { "cert-manager.io alias is ours", "Issuer", "cert-manager.io", SignerPatterns.DefaultText, "", true },
        { "external group not in the default", "AWSPCAClusterIssuer", "awspca.cert-manager.io", SignerPatterns.DefaultText, "", false },
        { "external group named explicitly", "AWSPCAClusterIssuer", "awspca.cert-manager.io", "awspcaclusterissuers.awspca.cert-manager.io/*", "", true },
        { "namespace.name pattern matches", null, null, "issuers.k8scert.io/team-a.ca", "", true },
        { "namespace.name pattern of another namespace", null, null, "issuers.k8scert.io/team-b.*", "", false },
        { "cluster issuers only", null, null, "clusterissuers.k8scert.io/*", "", false },
        { "approver off", null, null, "none", "", false },
        { "approver off (empty)", null, null, "", "", false },
        { "already denied is never approved", null, null, SignerPatterns.DefaultText, "Denied=True", false },
        { "denied False still counts as decided", null, null, SignerPatterns.DefaultText, "Denied=False", false },
        { "already approved is left alone", null, null, SignerPatterns.DefaultText, "Approved=True", false },
        { "Ready False does not block approval", null, null, SignerPatterns.DefaultText, "Ready=False", true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides(string what, string? kind, string? group, string signers, string conditions, bool approve)
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var request = CertificateRequestObjects.Request(CertificateRequestObjects.CsrPem(key), "ca", kind, group, conditions);

        var decision = ApprovalPolicy.Decide(request, SignerPatterns.Parse(signers));

        Assert.True(approve == decision.Approve, $"{what}: {decision.Message}");
    }

    [Theory]
    [InlineData(null, null, "issuers.k8scert.io/team-a.ca")]
    [InlineData("ClusterIssuer", null, "clusterissuers.k8scert.io/ca")]
    [InlineData("Issuer", "cert-manager.io", "issuers.k8scert.io/team-a.ca")]
    [InlineData("StepClusterIssuer", "certmanager.step.sm", "stepclusterissuers.certmanager.step.sm/ca")]
    [InlineData("StepIssuer", "certmanager.step.sm", "stepissuers.certmanager.step.sm/team-a.ca")]
    public void SignerNamesFollowCertManager(string? kind, string? group, string expected) =>
        Assert.Equal(expected, SignerName.For(new ObjectReference { Name = "ca", Kind = kind, Group = group }, "team-a"));

    [Theory]
    [InlineData("*", "issuers.k8scert.io/a.b", true)]
    [InlineData("issuers.k8scert.io/*", "clusterissuers.k8scert.io/b", false)]
    [InlineData("*issuers.k8scert.io/*", "clusterissuers.k8scert.io/b", true)]
    [InlineData("issuers.k8scert.io/a.*-ca", "issuers.k8scert.io/a.x-ca", true)]
    [InlineData("issuers.k8scert.io/a.*-ca", "issuers.k8scert.io/a.x-cb", false)]
    [InlineData(" issuers.k8scert.io/a.b , x ", "issuers.k8scert.io/a.b", true)]
    public void PatternsGlobWithStar(string patterns, string signer, bool matches) =>
        Assert.Equal(matches, SignerPatterns.Parse(patterns).Matches(signer));
}
