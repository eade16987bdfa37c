using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Challenges;
using K8sCertOperator.Controllers.Orders;

namespace K8sCertOperator.Tests.Controllers.Challenges;

public class SolverNamingTests
{
    [Theory]
    [InlineData(null, "apps")]
    [InlineData("Issuer", "apps")]
    [InlineData("ClusterIssuer", "operator-ns")]
    public void DnsSecretsComeFromIssuerOrClusterResourceNamespace(string? kind, string expected)
    {
        var challenge = new Challenge
        {
            Metadata = new V1ObjectMeta { Name = "c", NamespaceProperty = "apps" },
            Spec = new ChallengeSpec { IssuerRef = new ObjectReference { Name = "le", Kind = kind } },
        };
        Assert.Equal(expected, Dns01ChallengeSolver.SecretNamespace(challenge, "operator-ns"));
    }

    [Fact]
    public void TokenOwnerIsNamespaceSlashName() =>
        Assert.Equal("apps/c1", Http01ChallengeSolver.TokenOwner(new Challenge { Metadata = new V1ObjectMeta { Name = "c1", NamespaceProperty = "apps" } }));

    [Fact]
    public void TxtValueIsDerivedFromTheStoredKeyAuthorization() =>
        Assert.Equal(
            K8sCertOperator.Acme.AcmeKeyAuthorization.Dns01TxtValue("tok.thumb"),
            Dns01ChallengeSolver.TxtValue(new Challenge { Spec = new ChallengeSpec { Key = "tok.thumb" } }));

    [Theory]
    [InlineData(true, "controller-order")]
    [InlineData(false, "first-order")]
    public void OwnerNamePrefersTheControllingOwner(bool withController, string expected)
    {
        var refs = new List<V1OwnerReference>
        {
            new() { Kind = "Order", Name = "first-order", Controller = false },
            new() { Kind = "Certificate", Name = "cert", Controller = true },
        };
        if (withController)
        {
            refs.Add(new V1OwnerReference { Kind = "Order", Name = "controller-order", Controller = true });
        }
        var challenge = new Challenge { Metadata = new V1ObjectMeta { OwnerReferences = refs } };
        Assert.Equal(expected, OrderEvents.OwnerName(challenge, ApiGroups.OrderKind));
        Assert.Null(OrderEvents.OwnerName(new Challenge(), ApiGroups.OrderKind));
    }
}
