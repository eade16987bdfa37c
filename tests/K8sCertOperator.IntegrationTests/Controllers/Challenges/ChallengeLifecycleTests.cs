using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Challenges;
using K8sCertOperator.IntegrationTests.Acme;
using K8sCertOperator.IntegrationTests.Controllers.Orders;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Solvers.Http01;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Challenges;

/// <summary>Finalizer-driven clean-up and the start-up orphan sweep, against the stand-in API server.</summary>
public sealed class ChallengeLifecycleTests(ITestOutputHelper output)
{
    private static Challenge Http01Challenge(string ns, string name, string issuer) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns },
        Spec = new ChallengeSpec
        {
            Url = "https://127.0.0.1:1/chall/x",
            AuthorizationUrl = "https://127.0.0.1:1/authz/x",
            DnsName = TestCsr.UniqueName("life"),
            Type = ChallengeTypes.Http01,
            Token = "token-" + name,
            Key = "token-" + name + ".thumbprint",
            Solver = AcmeControllerHarness.Http01Solver(),
            IssuerRef = new ObjectReference { Name = issuer, Kind = ApiGroups.IssuerKind },
        },
    };

    [SkippableFact]
    public async Task Deleting_a_presented_challenge_removes_its_ingress_and_token_then_the_finalizer()
    {
        var missing = AcmeControllerHarness.MissingReason(bind9: false);
        Skip.If(missing != null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var harness = await AcmeControllerHarness.StartAsync(output, bind9: false, cts.Token);
        await harness.StartOperatorAsync(orders: false, challenges: true, cts.Token);
        var tokens = harness.Host!.Context.Http01Tokens;

        // Its issuer does not exist, so it stays presented (waiting for an account) until deleted.
        await harness.Apis.Challenges.CreateAsync(Http01Challenge(harness.Namespace, "held", "missing-issuer"), cts.Token);
        await OrderControllerHttp01Tests.Eventually(async () =>
            (await harness.Apis.Challenges.GetAsync(harness.Namespace, "held", cts.Token))?.Status?.Presented == true, cts.Token);
        var presented = (await harness.Apis.Challenges.GetAsync(harness.Namespace, "held", cts.Token))!;
        Assert.Contains(ChallengeAnnotations.Finalizer, presented.Metadata.Finalizers);
        Assert.True(presented.Metadata.Annotations.ContainsKey(ChallengeAnnotations.PresentedAt));
        Assert.True(tokens.TryGet("token-held", out var served));
        Assert.Equal("token-held.thumbprint", served);
        Assert.Single((await harness.Apis.Ingresses.ListAsync(harness.Namespace, ChallengeIngressBuilder.LabelSelectorFor(presented), cts.Token)).Items);
        var events = await CoreResourceApis.Events(harness.Env.Client).ListAsync(harness.Namespace, null, cts.Token);
        Assert.Contains(events.Items, e => e.Reason == "Presented" && e.InvolvedObject.Name == "held");

        await harness.Apis.Challenges.DeleteAsync(harness.Namespace, "held", cts.Token);

        await OrderControllerHttp01Tests.Eventually(async () =>
            await harness.Apis.Challenges.GetAsync(harness.Namespace, "held", cts.Token) is null, cts.Token);
        Assert.Empty((await harness.Apis.Ingresses.ListAsync(harness.Namespace, ChallengeIngressBuilder.LabelSelectorForAll(), cts.Token)).Items);
        Assert.False(tokens.TryGet("token-held", out _));
    }

    [SkippableFact]
    public async Task Startup_sweep_deletes_solver_ingresses_and_services_whose_challenge_is_gone_and_keeps_live_ones()
    {
        var missing = AcmeControllerHarness.MissingReason(bind9: false);
        Skip.If(missing != null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var harness = await AcmeControllerHarness.StartAsync(output, bind9: false, cts.Token);
        var options = new ChallengeIngressOptions(harness.Namespace, "responder", 8089);

        var live = await harness.Apis.Challenges.CreateAsync(Http01Challenge(harness.Namespace, "live", "missing-issuer"), cts.Token);
        var gone = Http01Challenge(harness.Namespace, "gone", "missing-issuer");
        gone.Metadata.Uid = Guid.NewGuid().ToString();
        var liveIngress = await harness.Apis.Ingresses.CreateAsync(ChallengeIngressBuilder.Build(live, options), cts.Token);
        var orphan = await harness.Apis.Ingresses.CreateAsync(ChallengeIngressBuilder.Build(gone, options), cts.Token);
        // Their ExternalName backends, as left by an operator stopped mid-challenge.
        var liveService = await harness.Apis.Services.CreateAsync(ChallengeServiceBuilder.Build(live, options), cts.Token);
        var orphanService = await harness.Apis.Services.CreateAsync(ChallengeServiceBuilder.Build(gone, options), cts.Token);

        // Only the Order controller runs, so nothing but the sweep touches these Ingresses.
        await harness.StartOperatorAsync(orders: true, challenges: false, cts.Token);

        await OrderControllerHttp01Tests.Eventually(async () =>
            await harness.Apis.Ingresses.GetAsync(harness.Namespace, orphan.Metadata.Name, cts.Token) is null, cts.Token);
        Assert.NotNull(await harness.Apis.Ingresses.GetAsync(harness.Namespace, liveIngress.Metadata.Name, cts.Token));
        await OrderControllerHttp01Tests.Eventually(async () =>
            await harness.Apis.Services.GetAsync(harness.Namespace, orphanService.Metadata.Name, cts.Token) is null, cts.Token);
        Assert.NotNull(await harness.Apis.Services.GetAsync(harness.Namespace, liveService.Metadata.Name, cts.Token));
    }
}
