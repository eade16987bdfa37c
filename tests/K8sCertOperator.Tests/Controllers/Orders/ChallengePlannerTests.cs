using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Orders;

namespace K8sCertOperator.Tests.Controllers.Orders;

public class ChallengePlannerTests
{
    private static readonly AcmeChallengeSolver Http = new() { Http01 = new AcmeChallengeSolverHttp01 { Ingress = new AcmeChallengeSolverHttp01Ingress() } };
    private static readonly AcmeChallengeSolver Dns = new() { Dns01 = new AcmeChallengeSolverDns01 { Rfc2136 = new AcmeIssuerDnsRfc2136 { Nameserver = "127.0.0.1:53" } } };

    private static Order OrderWith(params AcmeAuthorization[] authorizations) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "web-1",
            NamespaceProperty = "apps",
            Uid = "order-uid",
            Labels = new Dictionary<string, string> { [LabelKeys.CertificateName] = "web" },
            Annotations = new Dictionary<string, string> { [AnnotationKeys.CertificateRevision] = "1" },
        },
        // The Order requested exactly the names its authorizations are for (AuthorizationIdentifierCheck).
        Spec = new OrderSpec
        {
            IssuerRef = new ObjectReference { Name = "le", Kind = "Issuer" },
            DnsNames = [.. authorizations.Select(a => a.Wildcard == true ? "*." + a.Identifier : a.Identifier!)],
        },
        Status = new OrderStatus { Url = "https://ca/order/1", Authorizations = [.. authorizations] },
    };

    private static AcmeAuthorization Authz(string id, bool wildcard = false, string state = "pending", params string[] types) => new()
    {
        Url = $"https://ca/authz/{id}",
        Identifier = id,
        Wildcard = wildcard,
        InitialState = state,
        Challenges = [.. (types.Length == 0 ? ["http-01", "dns-01"] : types).Select(t => new AcmeChallenge { Type = t, Url = $"https://ca/chall/{id}/{t}", Token = $"tok-{id}-{t}".Replace('.', '_') })],
    };

    [Fact]
    public void OneChallengePerPendingAuthorizationWithSpecCopied()
    {
        var plan = ChallengePlanner.Plan(OrderWith(Authz("a.example.com"), Authz("b.example.com")), [Http], null, t => t + ".thumb");

        Assert.True(plan.IsPossible);
        Assert.Equal(2, plan.Challenges.Count);
        var first = plan.Challenges[0];
        Assert.Equal(ChallengeNaming.For("web-1", "https://ca/authz/a.example.com", ChallengeTypes.Http01), first.Metadata.Name);
        Assert.Equal("apps", first.Metadata.NamespaceProperty);
        Assert.Equal(ChallengeTypes.Http01, first.Spec.Type);
        Assert.Equal("https://ca/chall/a.example.com/http-01", first.Spec.Url);
        Assert.Equal("https://ca/authz/a.example.com", first.Spec.AuthorizationUrl);
        // Tokens are base64url (AuthorizationIdentifierCheck refuses others).
        Assert.Equal("tok-a_example_com-http-01", first.Spec.Token);
        Assert.Equal("tok-a_example_com-http-01.thumb", first.Spec.Key);
        Assert.Equal("a.example.com", first.Spec.DnsName);
        Assert.Same(Http, first.Spec.Solver);
        Assert.Equal("le", first.Spec.IssuerRef.Name);
        Assert.Equal("web", first.Metadata.Labels[LabelKeys.CertificateName]);
        Assert.Equal("1", first.Metadata.Annotations[AnnotationKeys.CertificateRevision]);
        var owner = Assert.Single(first.Metadata.OwnerReferences);
        Assert.Equal(("Order", "web-1", "order-uid", true, true), (owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));
    }

    [Fact]
    public void ReusedValidAuthorizationsGetNoChallenge()
    {
        var plan = ChallengePlanner.Plan(OrderWith(Authz("a.example.com", state: "valid"), Authz("b.example.com")), [Http], null, t => t);
        Assert.Equal("b.example.com", Assert.Single(plan.Challenges).Spec.DnsName);
    }

    [Fact]
    public void WildcardWithOnlyHttp01FailsWithReason()
    {
        var plan = ChallengePlanner.Plan(OrderWith(Authz("example.com", wildcard: true, types: "dns-01")), [Http], null, t => t);
        Assert.False(plan.IsPossible);
        Assert.Empty(plan.Challenges);
        Assert.Contains("dns01", plan.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void WildcardUsesDns01()
    {
        var plan = ChallengePlanner.Plan(OrderWith(Authz("example.com", wildcard: true, types: "dns-01")), [Http, Dns], null, t => t);
        var challenge = Assert.Single(plan.Challenges);
        Assert.Equal(ChallengeTypes.Dns01, challenge.Spec.Type);
        Assert.True(challenge.Spec.Wildcard);
        Assert.Equal("example.com", challenge.Spec.DnsName);
    }

    [Fact]
    public void LabelSelectorSeesCertificateLabels()
    {
        var labelled = new AcmeChallengeSolver
        {
            Selector = new CertificateDnsNameSelector { MatchLabels = new Dictionary<string, string> { ["use"] = "dns" } },
            Dns01 = Dns.Dns01,
        };
        var labels = new Dictionary<string, string> { ["use"] = "dns" };
        var plan = ChallengePlanner.Plan(OrderWith(Authz("a.example.com")), [Http, labelled], labels, t => t);
        Assert.Same(labelled, Assert.Single(plan.Challenges).Spec.Solver);
    }

    [Fact]
    public void NoAuthorizationsNoChallenges() =>
        Assert.Empty(ChallengePlanner.Plan(OrderWith(), [Http], null, t => t).Challenges);

    [Fact]
    public void An_authorization_for_a_name_the_order_did_not_request_refuses_the_whole_order()
    {
        var order = OrderWith(Authz("a.example.com"), Authz("victim.example.net"));
        order.Spec.DnsNames = ["a.example.com", "b.example.com"];

        var plan = ChallengePlanner.Plan(order, [Http], null, t => t + ".thumb");

        Assert.False(plan.IsPossible);
        Assert.Empty(plan.Challenges);
        Assert.Contains("'victim.example.net'", plan.FailureReason, StringComparison.Ordinal);
        Assert.Contains("did not request", plan.FailureReason, StringComparison.Ordinal);
    }

    private static readonly AcmeChallengeSolver Persist = new() { DnsPersist01 = new AcmeChallengeSolverDnsPersist01() };
    private static readonly AcmeChallengeSolver AccountScoped = new() { Dns01 = new AcmeChallengeSolverDns01 { AccountScoped = true } };

    private static AcmeAuthorization WithIssuerNames(AcmeAuthorization authz, params string[] names)
    {
        foreach (var c in authz.Challenges!.Where(c => c.Type == "dns-persist-01"))
        {
            c.IssuerDomainNames = [.. names];
            c.Token = "";
        }
        return authz;
    }

    [Fact]
    public void DnsPersist01CarriesTheAccountAndIssuerNamesAndNeedsNoToken()
    {
        var order = OrderWith(WithIssuerNames(Authz("example.com", wildcard: true, types: ["dns-01", "dns-persist-01"]), "ca.test", "authority.example"));

        var plan = ChallengePlanner.Plan(order, [Persist], null, t => throw new InvalidOperationException("no key authorization for dns-persist-01"), "https://ca/acct/7");

        Assert.True(plan.IsPossible, plan.FailureReason);
        var spec = Assert.Single(plan.Challenges).Spec;
        Assert.Equal(ChallengeTypes.DnsPersist01, spec.Type);
        Assert.Equal("https://ca/acct/7", spec.AccountUrl);
        Assert.Equal(["ca.test", "authority.example"], spec.IssuerDomainNames!);
        Assert.Equal("", spec.Key);
        Assert.True(spec.Wildcard);
    }

    [Theory]
    [InlineData(0, "https://ca/acct/7", "must offer 1 to 10")]
    [InlineData(11, "https://ca/acct/7", "must offer 1 to 10")]
    [InlineData(1, null, "needs the ACME account URL")]
    public void DnsPersist01ThatCannotBeAnsweredFailsThePlan(int issuerNames, string? accountUrl, string reason)
    {
        var order = OrderWith(WithIssuerNames(Authz("example.com", types: "dns-persist-01"), [.. Enumerable.Range(0, issuerNames).Select(i => $"ca{i}.test")]));

        var plan = ChallengePlanner.Plan(order, [Persist], null, t => t, accountUrl);

        Assert.False(plan.IsPossible);
        Assert.Contains(reason, plan.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void AccountScopedDns01TakesDnsAccount01WithTheKeyAuthorization()
    {
        var plan = ChallengePlanner.Plan(OrderWith(Authz("a.example.com", types: ["dns-01", "dns-account-01"])), [AccountScoped], null, t => t + ".thumb", "https://ca/acct/7");

        var spec = Assert.Single(plan.Challenges).Spec;
        Assert.Equal(ChallengeTypes.DnsAccount01, spec.Type);
        Assert.Equal(spec.Token + ".thumb", spec.Key);
        Assert.Equal("https://ca/acct/7", spec.AccountUrl);
    }
}
