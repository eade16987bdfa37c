using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Solvers.Http01;
using K8sCertOperator.Solvers.Http01.GatewayRoute;
using static K8sCertOperator.Tests.Solvers.Http01.GatewayRoute.GatewayRouteChallenges;

namespace K8sCertOperator.Tests.Solvers.Http01.GatewayRoute;

public sealed class ChallengeHttpRouteBuilderTests
{
    [Fact]
    public void Routes_exactly_the_token_path_of_the_challenged_host_to_the_responder_service_in_the_operator_namespace()
    {
        var challenge = New();

        var route = ChallengeHttpRouteBuilder.Build(challenge, NextToChallenge);

        Assert.Equal(("gateway.networking.k8s.io/v1", "HTTPRoute"), (route.ApiVersion, route.Kind));
        Assert.Equal("shop", route.Metadata.NamespaceProperty);
        Assert.Equal(ChallengeSolverMetadata.Name("shop", challenge.Metadata.Name, "tok-ABC_123"), route.Metadata.Name);
        Assert.Equal(["www.example.com"], route.Spec.Hostnames);
        var rule = Assert.Single(route.Spec.Rules!);
        var path = Assert.Single(rule.Matches!).Path!;
        Assert.Equal(("Exact", "/.well-known/acme-challenge/tok-ABC_123"), (path.Type, path.Value));
        var backend = Assert.Single(rule.BackendRefs!);
        Assert.Equal(("", "Service", ResponderService, OperatorNamespace, 8089, 1),
            (backend.Group, backend.Kind, backend.Name, backend.Namespace, backend.Port, backend.Weight));
        var owner = Assert.Single(route.Metadata.OwnerReferences);
        Assert.Equal(("Challenge", challenge.Metadata.Name, challenge.Metadata.Uid, true), (owner.Kind, owner.Name, owner.Uid, owner.Controller));
    }

    public static TheoryData<Http01SolverNamespace, string, string, string?, bool> Placements => new()
    {
        // solver namespace option, Challenge namespace -> route namespace, backendRef namespace, ReferenceGrant needed
        { Http01SolverNamespace.Certificate, "shop", "shop", OperatorNamespace, true },
        { Http01SolverNamespace.Operator, "shop", OperatorNamespace, null, false },
        { Http01SolverNamespace.Certificate, OperatorNamespace, OperatorNamespace, null, false },
    };

    [Theory]
    [MemberData(nameof(Placements))]
    public void Lives_where_the_solver_namespace_option_says_and_crosses_namespaces_only_with_a_grant(
        Http01SolverNamespace placement, string challengeNamespace, string routeNamespace, string? backendNamespace, bool grant)
    {
        var options = NextToChallenge with { SolverNamespace = placement };

        var route = ChallengeHttpRouteBuilder.Build(New(challengeNamespace), options);

        Assert.Equal(routeNamespace, route.Metadata.NamespaceProperty);
        Assert.Equal(backendNamespace, Assert.Single(Assert.Single(route.Spec.Rules!).BackendRefs!).Namespace);
        Assert.Equal(grant, ChallengeHttpRouteBuilder.NeedsReferenceGrant(challengeNamespace, options));
        Assert.Equal(routeNamespace == challengeNamespace, route.Metadata.OwnerReferences is { Count: 1 });
    }

    public static TheoryData<ParentReference, string, string, string, string?, int?> ParentDefaults => new()
    {
        // solver parentRef -> group, kind, namespace, sectionName, port on the route (Challenge in "shop")
        { new ParentReference { Name = "gw" }, "gateway.networking.k8s.io", "Gateway", "shop", null, null },
        { new ParentReference { Name = "gw", Namespace = "infra", SectionName = "web", Port = 80 }, "gateway.networking.k8s.io", "Gateway", "infra", "web", 80 },
        { new ParentReference { Name = "ls", Group = "gateway.networking.k8s.io", Kind = "ListenerSet" }, "gateway.networking.k8s.io", "ListenerSet", "shop", null, null },
        { new ParentReference { Name = "mesh-svc", Group = "", Kind = "Service", SectionName = "" }, "", "Service", "shop", null, null },
    };

    [Theory]
    [MemberData(nameof(ParentDefaults))]
    public void Parent_refs_get_the_crd_defaults_and_an_explicit_namespace_wherever_the_route_lives(
        ParentReference parent, string group, string kind, string ns, string? section, int? port)
    {
        foreach (var options in new[] { NextToChallenge, InOperatorNamespace })
        {
            var route = ChallengeHttpRouteBuilder.Build(New("shop", "www.example.com", parent), options);

            var built = Assert.Single(route.Spec.ParentRefs!);
            Assert.Equal((group, kind, ns, parent.Name, section, port), (built.Group, built.Kind, built.Namespace, built.Name, built.SectionName, built.Port));
        }
    }

    [Fact]
    public void Every_parent_ref_is_kept_in_order()
    {
        var route = ChallengeHttpRouteBuilder.Build(New("shop", "www.example.com", new ParentReference { Name = "a" }, new ParentReference { Name = "b", Namespace = "x" }), NextToChallenge);

        Assert.Equal([("a", "shop"), ("b", "x")], route.Spec.ParentRefs!.Select(p => (p.Name, p.Namespace!)));
    }

    [Fact]
    public void An_ip_identifier_gets_no_hostname()
    {
        var route = ChallengeHttpRouteBuilder.Build(New(dnsName: "192.0.2.10"), NextToChallenge);

        Assert.Null(route.Spec.Hostnames);
        Assert.Equal("/.well-known/acme-challenge/tok-ABC_123", Assert.Single(Assert.Single(route.Spec.Rules!).Matches!).Path!.Value);
    }

    [Fact]
    public void Solver_labels_are_added_but_cannot_override_the_operators_own()
    {
        var challenge = New();
        challenge.Spec.Solver.Http01!.GatewayHttpRoute!.Labels = new() { ["team"] = "web", [LabelKeys.ManagedBy] = "someone-else" };

        var route = ChallengeHttpRouteBuilder.Build(challenge, NextToChallenge);

        Assert.Equal("web", route.Metadata.Labels["team"]);
        Assert.Equal(LabelKeys.ManagedByValue, route.Metadata.Labels[LabelKeys.ManagedBy]);
        Assert.Equal("true", route.Metadata.Labels[LabelKeys.AcmeHttp01Solver]);
        Assert.True(ChallengeSolverMetadata.TryGetOwner(route.Metadata, out var ns, out var name, out var uid));
        Assert.Equal(("shop", challenge.Metadata.Name, challenge.Metadata.Uid), (ns, name, uid));
    }

    public static TheoryData<string, Action<Challenge>> Unusable => new()
    {
        { "dns type", c => c.Spec.Type = ChallengeTypes.Dns01 },
        { "wildcard", c => c.Spec.Wildcard = true },
        { "no token", c => c.Spec.Token = "" },
        { "no uid", c => c.Metadata.Uid = null },
        { "no http01", c => c.Spec.Solver = new AcmeChallengeSolver { Dns01 = new AcmeChallengeSolverDns01() } },
        { "ingress solver", c => c.Spec.Solver.Http01 = new AcmeChallengeSolverHttp01 { Ingress = new AcmeChallengeSolverHttp01Ingress() } },
        { "both solvers", c => c.Spec.Solver.Http01!.Ingress = new AcmeChallengeSolverHttp01Ingress() },
        { "no parentRefs", c => c.Spec.Solver.Http01!.GatewayHttpRoute!.ParentRefs = [] },
        { "nameless parentRef", c => c.Spec.Solver.Http01!.GatewayHttpRoute!.ParentRefs = [new ParentReference { Namespace = "x" }] },
    };

    [Theory]
    [MemberData(nameof(Unusable))]
    public void Rejects_challenges_an_http_route_cannot_solve(string why, Action<Challenge> spoil)
    {
        var challenge = New();
        spoil(challenge);

        var error = Assert.Throws<ArgumentException>(() => ChallengeHttpRouteBuilder.Build(challenge, NextToChallenge));
        Assert.False(string.IsNullOrWhiteSpace(error.Message), why);
    }

    [Fact]
    public void Survives_the_operators_own_json_round_trip_as_the_api_server_returns_it()
    {
        var desired = ChallengeHttpRouteBuilder.Build(New(), NextToChallenge);

        var json = KubeJson.Serialize(desired);
        var back = KubeJson.Deserialize<HttpRoute>(json);

        Assert.Contains("\"type\":\"Exact\"", json, StringComparison.Ordinal);
        Assert.Contains("\"group\":\"\"", json, StringComparison.Ordinal);
        Assert.True(ChallengeHttpRouteComparer.IsUpToDate(back, desired));
    }
}
