using System.Collections.Concurrent;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.IntegrationTests.Fixtures.GatewayApi;
using K8sCertOperator.Controllers.GatewayShim;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.IntegrationTests.Acme;
using K8sCertOperator.IntegrationTests.Harness;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Solvers.Http01;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Challenges.GatewayRoute;

/// <summary>
/// HTTP-01 through Gateway API (<c>http01.gatewayHTTPRoute</c>) end to end: Pebble validates against the operator's
/// responder, reached on loopback as in the other HTTP-01 tests, while the temporary HTTPRoute (and, beside the
/// Challenge, its ReferenceGrant) exist in the stand-in with the Gateway API CRDs POSTed to it; nothing stays after.
/// </summary>
public sealed class GatewayRouteSolverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private static ParentReference PublicGateway() => new() { Name = "public", Namespace = "gateway-infra", SectionName = "http" };

    [SkippableTheory]
    [InlineData(Http01SolverNamespace.Certificate)]
    [InlineData(Http01SolverNamespace.Operator)]
    public async Task Certificate_is_ready_through_a_temporary_http_route_that_is_gone_afterwards(Http01SolverNamespace placement)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var separate = await GatewayRouteHarness.StartAsync(output, placement, ct);
        var (h, operatorNamespace) = (separate.Harness, separate.OperatorNamespace);
        await using var recorder = await GatewayPieceRecorder.StartAsync(h.Apis, ct);
        await separate.StartOperatorAsync(ct);
        var challenges = new ConcurrentQueue<Challenge>();
        h.Host!.Context.Informers.Challenges.OnAdd += challenges.Enqueue;
        var solver = ChallengeSolvers.Http01GatewayRoute(PublicGateway());
        solver.Http01!.GatewayHttpRoute!.Labels = new() { ["team"] = "web" };
        solver.Http01.GatewayHttpRoute.ServiceType = "NodePort";
        await h.CreateAcmeIssuerAsync("pebble", solver, ct);
        var name = TestCsr.UniqueName("gwroute");

        await h.CreateCertificateAsync("web", "pebble", [name], ct);
        await h.WaitCertificateReadyAsync("web", 1, Patience, ct);
        await h.AssertSecretServesAsync("web-tls", [name], ct);

        var nextToChallenge = placement == Http01SolverNamespace.Certificate;
        var challenge = Assert.Single(challenges);
        var route = Assert.Single(GatewayPieceRecorder.In(recorder.Routes, nextToChallenge ? h.Namespace : operatorNamespace));
        Assert.Equal([name], route.Spec.Hostnames);
        var parent = Assert.Single(route.Spec.ParentRefs!);
        Assert.Equal(("gateway.networking.k8s.io", "Gateway", "gateway-infra", "public", "http"),
            (parent.Group, parent.Kind, parent.Namespace, parent.Name, parent.SectionName));
        var rule = Assert.Single(route.Spec.Rules!);
        var path = Assert.Single(rule.Matches!).Path!;
        Assert.Equal(("Exact", Http01Responder.PathPrefix + challenge.Spec.Token), (path.Type, path.Value));
        var backend = Assert.Single(rule.BackendRefs!);
        Assert.Equal(("", "Service", h.Options.Http01ServiceName, nextToChallenge ? operatorNamespace : null, h.Options.Http01ServicePort),
            (backend.Group, backend.Kind, backend.Name, backend.Namespace, backend.Port));
        Assert.Equal("web", route.Metadata.Labels["team"]);
        Assert.Equal(nextToChallenge ? challenge.Metadata.Uid : null, route.Metadata.OwnerReferences?.Single().Uid);
        var grants = GatewayPieceRecorder.In(recorder.Grants, operatorNamespace);
        if (nextToChallenge)
        {
            var grant = Assert.Single(grants);
            var from = Assert.Single(grant.Spec.From);
            Assert.Equal(("gateway.networking.k8s.io", "HTTPRoute", h.Namespace), (from.Group, from.Kind, from.Namespace));
            var to = Assert.Single(grant.Spec.To);
            Assert.Equal(("", "Service", h.Options.Http01ServiceName), (to.Group, to.Kind, to.Name));
        }
        else
        {
            Assert.Empty(grants);
        }
        Assert.Empty(separate.Ingresses);
        Assert.Empty(separate.Services);

        await h.WaitForAsync(c => GatewaySolverLeftovers.DescribeAsync(h.Apis, [h.Namespace, operatorNamespace], c), none => none.Length == 0,
            Patience, "solver HTTPRoute and ReferenceGrant deleted", ct);
        await h.WaitForAsync(
            async c => (await CoreResourceApis.Events(h.Env.Client).ListAsync(h.Namespace, null, c)).Items
                .FirstOrDefault(e => e.Reason == IgnoredSolverFields.EventReason && e.InvolvedObject.Name == "pebble"),
            e => e.Type == "Warning" && e.Message.Contains("gatewayHTTPRoute.serviceType ignored", StringComparison.Ordinal),
            Patience, "a Warning naming the ignored serviceType on the Issuer", ct);
    }

    [SkippableFact]
    public async Task Without_the_gateway_api_crds_the_challenge_fails_saying_so_and_the_operator_carries_on()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.EndToEnd, ct);
        Skip.If(await GatewaySolverLeftovers.ServesHttpRoutesAsync(h.Apis, h.Namespace, ct),
            "this cluster serves HTTPRoute (Gateway API is installed), so the not-installed case cannot be shown on it");
        await h.StartOperatorAsync(ct);
        await h.CreateAcmeIssuerAsync("pebble", ChallengeSolvers.Http01GatewayRoute(PublicGateway()), ct);

        await h.CreateCertificateAsync("web", "pebble", [TestCsr.UniqueName("nogw")], ct);

        await AssertChallengeFailsAsync(h, "the cluster does not serve HTTPRoute (gateway.networking.k8s.io/v1): install the Gateway API CRDs", ct);
    }

    [SkippableFact]
    public async Task With_gateway_api_switched_off_the_challenge_fails_naming_the_flag_and_writes_no_route()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        // The CRDs are installed: only the flag keeps the solver from writing HTTPRoutes.
        await using var separate = await GatewayRouteHarness.StartAsync(output, Http01SolverNamespace.Certificate, ct,
            o => o with { GatewayApi = GatewayApiMode.Off });
        var (h, operatorNamespace) = (separate.Harness, separate.OperatorNamespace);
        await using var recorder = await GatewayPieceRecorder.StartAsync(h.Apis, ct);
        await separate.StartOperatorAsync(ct);
        await h.CreateAcmeIssuerAsync("pebble", ChallengeSolvers.Http01GatewayRoute(PublicGateway()), ct);

        await h.CreateCertificateAsync("web", "pebble", [TestCsr.UniqueName("gwoff")], ct);

        await AssertChallengeFailsAsync(h, "Gateway API support is off (--gateway-api=off)", ct);
        Assert.Empty(GatewayPieceRecorder.In(recorder.Routes, h.Namespace));
        Assert.Empty(GatewayPieceRecorder.In(recorder.Routes, operatorNamespace));
        Assert.Empty(GatewayPieceRecorder.In(recorder.Grants, operatorNamespace));
    }

    // The failed Challenge is deleted with its Order's failure; the Order and the Events keep the reason.
    private static async Task AssertChallengeFailsAsync(OperatorHarness h, string reason, CancellationToken ct)
    {
        await h.WaitForAsync(
            async c => (await h.Apis.Orders.ListAsync(h.Namespace, null, c)).Items.FirstOrDefault(o => o.Status?.Reason?.Contains(reason, StringComparison.Ordinal) == true),
            o => o.Status!.State == AcmeStates.Errored, Patience, "the Order failing with the same reason", ct);
        await h.WaitForAsync(
            async c => (await CoreResourceApis.Events(h.Env.Client).ListAsync(h.Namespace, null, c)).Items
                .FirstOrDefault(e => e.Type == "Warning" && e.Reason == "Failed" && e.InvolvedObject.Kind == ApiGroups.ChallengeKind),
            e => e.Message.StartsWith(reason, StringComparison.Ordinal), Patience, "a Warning Event on the Challenge", ct);
        var certificate = await h.Apis.Certificates.GetAsync(h.Namespace, "web", ct);
        Assert.False(ConditionSet.IsTrue(certificate!.Status?.Conditions, ConditionTypes.Ready));
        h.AssertOperatorAlive();
    }
}
