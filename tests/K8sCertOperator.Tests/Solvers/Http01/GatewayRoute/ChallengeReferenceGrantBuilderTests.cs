using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Solvers.Http01;
using K8sCertOperator.Solvers.Http01.GatewayRoute;
using static K8sCertOperator.Tests.Solvers.Http01.GatewayRoute.GatewayRouteChallenges;

namespace K8sCertOperator.Tests.Solvers.Http01.GatewayRoute;

public sealed class ChallengeReferenceGrantBuilderTests
{
    [Fact]
    public void Grants_routes_of_the_challenges_namespace_the_responder_service_only_from_the_operator_namespace()
    {
        var challenge = New("shop");

        var grant = ChallengeReferenceGrantBuilder.Build(challenge, NextToChallenge);

        Assert.Equal(("gateway.networking.k8s.io/v1beta1", "ReferenceGrant"), (grant.ApiVersion, grant.Kind));
        Assert.Equal(OperatorNamespace, grant.Metadata.NamespaceProperty);
        // Named like the route, so the two go together; no owner: the Challenge lives in another namespace.
        Assert.Equal(ChallengeHttpRouteBuilder.Build(challenge, NextToChallenge).Metadata.Name, grant.Metadata.Name);
        Assert.Null(grant.Metadata.OwnerReferences);
        Assert.True(ChallengeSolverMetadata.TryGetOwner(grant.Metadata, out var ns, out var name, out var uid));
        Assert.Equal(("shop", challenge.Metadata.Name, challenge.Metadata.Uid), (ns, name, uid));
        var from = Assert.Single(grant.Spec.From);
        Assert.Equal(("gateway.networking.k8s.io", "HTTPRoute", "shop"), (from.Group, from.Kind, from.Namespace));
        var to = Assert.Single(grant.Spec.To);
        Assert.Equal(("", "Service", ResponderService), (to.Group, to.Kind, to.Name));
    }

    public static TheoryData<string, Action<ReferenceGrant>, bool> Changes => new()
    {
        { "unchanged", _ => { }, true },
        { "another label", g => g.Metadata.Labels["other"] = "x", true },
        { "our label gone", g => g.Metadata.Labels.Clear(), false },
        { "other source namespace", g => g.Spec.From[0].Namespace = "other", false },
        { "any Service", g => g.Spec.To[0].Name = null, false },
        { "extra target", g => g.Spec.To.Add(new ReferenceGrantTo { Kind = "Secret" }), false },
        { "extra source", g => g.Spec.From.Add(new ReferenceGrantFrom { Group = "gateway.networking.k8s.io", Kind = "GRPCRoute", Namespace = "shop" }), false },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Existing_grant_is_up_to_date_only_when_it_grants_the_same(string why, Action<ReferenceGrant> change, bool upToDate)
    {
        var desired = ChallengeReferenceGrantBuilder.Build(New(), NextToChallenge);
        var existing = KubeJson.Clone(desired);

        change(existing);

        Assert.True(upToDate == ChallengeReferenceGrantBuilder.IsUpToDate(existing, desired), why);
    }
}
