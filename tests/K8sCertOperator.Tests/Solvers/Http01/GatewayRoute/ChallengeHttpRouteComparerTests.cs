using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Solvers.Http01.GatewayRoute;
using static K8sCertOperator.Tests.Solvers.Http01.GatewayRoute.GatewayRouteChallenges;

namespace K8sCertOperator.Tests.Solvers.Http01.GatewayRoute;

public sealed class ChallengeHttpRouteComparerTests
{
    private static HttpRouteRule Rule(HttpRoute r) => r.Spec.Rules![0];

    public static TheoryData<string, Action<HttpRoute>, bool> Changes => new()
    {
        { "unchanged", _ => { }, true },
        { "another controller's label", r => r.Metadata.Labels["other"] = "x", true },
        { "another controller's annotation", r => r.Metadata.Annotations["other"] = "x", true },
        {
            "server left the defaults implicit", r =>
            {
                var p = r.Spec.ParentRefs![0];
                (p.Group, p.Kind) = (null, null);
                var b = Rule(r).BackendRefs![0];
                (b.Group, b.Kind, b.Weight) = (null, null, null);
            },
            true
        },
        { "our label changed", r => r.Metadata.Labels[K8sCertOperator.Api.LabelKeys.AcmeHttp01Solver] = "false", false },
        { "our annotation gone", r => r.Metadata.Annotations.Clear(), false },
        { "other hostname", r => r.Spec.Hostnames = ["evil.example.com"], false },
        { "no hostname", r => r.Spec.Hostnames = null, false },
        { "prefix match", r => Rule(r).Matches![0].Path!.Type = "PathPrefix", false },
        { "no path match (PathPrefix /)", r => Rule(r).Matches![0].Path = null, false },
        { "other token path", r => Rule(r).Matches![0].Path!.Value = "/.well-known/acme-challenge/other", false },
        { "other backend", r => Rule(r).BackendRefs![0].Name = "app", false },
        { "other backend port", r => Rule(r).BackendRefs![0].Port = 80, false },
        { "backend namespace dropped", r => Rule(r).BackendRefs![0].Namespace = null, false },
        { "backend weight 0", r => Rule(r).BackendRefs![0].Weight = 0, false },
        { "other listener", r => r.Spec.ParentRefs![0].SectionName = "https", false },
        { "other gateway namespace", r => r.Spec.ParentRefs![0].Namespace = "elsewhere", false },
        { "port added", r => r.Spec.ParentRefs![0].Port = 8080, false },
        { "extra parent", r => r.Spec.ParentRefs!.Add(new ParentReference { Name = "internal" }), false },
        { "extra rule", r => r.Spec.Rules!.Add(new HttpRouteRule()), false },
        { "no rules", r => r.Spec.Rules = null, false },
    };

    [Theory]
    [MemberData(nameof(Changes))]
    public void Existing_route_is_up_to_date_only_when_it_still_routes_the_same(string why, Action<HttpRoute> change, bool upToDate)
    {
        var desired = ChallengeHttpRouteBuilder.Build(New(), NextToChallenge);
        var existing = KubeJson.Clone(desired);

        change(existing);

        Assert.True(upToDate == ChallengeHttpRouteComparer.IsUpToDate(existing, desired), why);
    }
}
