using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.IntegrationTests.Fixtures.GatewayApi;
using K8sCertOperator.IntegrationTests.Acme;
using K8sCertOperator.IntegrationTests.Harness;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Solvers.Http01;
using K8sCertOperator.Solvers.Http01.GatewayRoute;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Challenges.GatewayRoute;

/// <summary>
/// No HTTPRoute or ReferenceGrant of the gatewayHTTPRoute solver outlives its challenge: not after a failed challenge,
/// not after an operator stopped mid-challenge (the next one finishes and cleans up), not when the Challenge vanished
/// while no operator ran (the start-up sweep). The operator runs in a namespace of its own, so grants are made.
/// </summary>
public sealed class GatewayRouteCleanUpTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    private static AcmeChallengeSolver Solver() =>
        ChallengeSolvers.Http01GatewayRoute(new ParentReference { Name = "public", Namespace = "gateway-infra" });

    [SkippableFact]
    public async Task A_failed_challenge_leaves_no_route_or_grant()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        // The self-check cannot reach a .test name (RFC 6761), so the challenge fails once the short wait is over.
        await using var separate = await GatewayRouteHarness.StartAsync(output, Http01SolverNamespace.Certificate, ct,
            o => o with { Http01SelfCheck = true, Dns01PropagationTimeout = TimeSpan.FromSeconds(3) });
        var (h, operatorNamespace) = (separate.Harness, separate.OperatorNamespace);
        await using var recorder = await GatewayPieceRecorder.StartAsync(h.Apis, ct);
        await separate.StartOperatorAsync(ct);
        await h.CreateAcmeIssuerAsync("pebble", Solver(), ct);

        await h.CreateCertificateAsync("doomed", "pebble", ["doomed.k8scert.test"], ct);

        await h.WaitForAsync(
            async c => (await h.Apis.Orders.ListAsync(h.Namespace, null, c)).Items.FirstOrDefault(o => o.Status?.State == AcmeStates.Errored),
            _ => true, Patience, "the Order failing on the self-check", ct);
        await h.WaitForAsync(c => GatewaySolverLeftovers.DescribeAsync(h.Apis, [h.Namespace, operatorNamespace], c), none => none.Length == 0,
            Patience, "no solver HTTPRoute or ReferenceGrant", ct);
        // They did exist while the challenge was pending.
        Assert.Single(GatewayPieceRecorder.In(recorder.Routes, h.Namespace));
        Assert.Single(GatewayPieceRecorder.In(recorder.Grants, operatorNamespace));
    }

    [SkippableFact]
    public async Task Route_and_grant_left_by_an_operator_stopped_mid_challenge_are_gone_once_the_next_one_is_done()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var separate = await GatewayRouteHarness.StartAsync(output, Http01SolverNamespace.Certificate, ct);
        var (h, operatorNamespace) = (separate.Harness, separate.OperatorNamespace);

        // With the self-check on, the first operator presents and then waits for a .test name that never resolves;
        // it is stopped there, as a killed pod would be.
        var first = await h.StartReplicaAsync(h.ReplicaOptions("first", FreePort.Next()) with { Http01SelfCheck = true }, ct);
        await h.CreateAcmeIssuerAsync("pebble", Solver(), ct);
        await h.CreateCertificateAsync("crash", "pebble", ["crash.k8scert.test"], ct);
        await h.WaitForChallengeAsync(c => c.Status?.Presented == true, Patience, "a presented Challenge", ct);
        await h.StopReplicaAsync(first);
        var leftBehind = await GatewaySolverLeftovers.DescribeAsync(h.Apis, [h.Namespace, operatorNamespace], ct);
        Assert.Equal(2, leftBehind!.Length);

        await h.StartReplicaAsync(h.ReplicaOptions("second", h.Pebble.HttpPort), ct);
        await h.WaitCertificateReadyAsync("crash", 1, Patience, ct);
        await h.WaitForAsync(c => GatewaySolverLeftovers.DescribeAsync(h.Apis, [h.Namespace, operatorNamespace], c), none => none.Length == 0,
            Patience, "no solver HTTPRoute or ReferenceGrant", ct);
    }

    [SkippableFact]
    public async Task Startup_sweep_deletes_routes_and_grants_whose_challenge_is_gone_and_keeps_live_ones()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var separate = await GatewayRouteHarness.StartAsync(output, Http01SolverNamespace.Certificate, ct);
        var (h, operatorNamespace) = (separate.Harness, separate.OperatorNamespace);
        var options = new ChallengeIngressOptions(operatorNamespace, h.Options.Http01ServiceName, h.Options.Http01ServicePort);
        // The live Challenge's issuer does not exist, so it stays presented (waiting for an account) while the test looks.
        var live = await h.Apis.Challenges.CreateAsync(NewChallenge(h.Namespace, "live"), ct);
        var gone = NewChallenge(h.Namespace, "gone");
        gone.Metadata.Uid = Guid.NewGuid().ToString();
        var pieces = new List<(string Kind, string Namespace, string Name)>();
        foreach (var challenge in new[] { live, gone })
        {
            var route = await h.Apis.HttpRoutes.CreateAsync(ChallengeHttpRouteBuilder.Build(challenge, options), ct);
            var grant = await h.Apis.ReferenceGrants.CreateAsync(ChallengeReferenceGrantBuilder.Build(challenge, options), ct);
            pieces.Add(("HTTPRoute", route.Metadata.NamespaceProperty, route.Metadata.Name));
            pieces.Add(("ReferenceGrant", grant.Metadata.NamespaceProperty, grant.Metadata.Name));
        }

        await separate.StartOperatorAsync(ct);

        var expected = pieces.Take(2).Select(p => $"{p.Kind} {p.Namespace}/{p.Name}").Order(StringComparer.Ordinal).ToArray();
        var left = await h.WaitForAsync(c => GatewaySolverLeftovers.DescribeAsync(h.Apis, [h.Namespace, operatorNamespace], c),
            found => found.Length == 2, Patience, "only the live Challenge's route and grant", ct);
        Assert.Equal(expected, left.Order(StringComparer.Ordinal));
    }

    private static Challenge NewChallenge(string ns, string name) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new ChallengeSpec
        {
            Url = "https://127.0.0.1:1/chall/" + name,
            AuthorizationUrl = "https://127.0.0.1:1/authz/" + name,
            DnsName = TestCsr.UniqueName("sweep"),
            Type = ChallengeTypes.Http01,
            Token = "token-" + name,
            Key = "token-" + name + ".thumbprint",
            Solver = Solver(),
            IssuerRef = new ObjectReference { Name = "missing-issuer", Kind = ApiGroups.IssuerKind },
        },
    };
}
