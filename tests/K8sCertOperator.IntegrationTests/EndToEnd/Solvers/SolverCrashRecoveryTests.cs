using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Challenges;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Solvers.Http01;
using K8sCertOperator.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.EndToEnd.Solvers;

/// <summary>
/// The operator dies right after presenting a challenge; a fresh operator finishes the certificate and
/// leaves neither a solver Ingress nor a TXT record of ours behind.
/// </summary>
public sealed class SolverCrashRecoveryTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [SkippableFact]
    public async Task Http01SolverIngressIsGoneAfterARestartMidChallenge()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.Solvers, ct);

        // With the self-check on, the first operator presents and then keeps waiting for a URL whose
        // name never resolves (.test is reserved, RFC 6761), so it is stopped with the challenge
        // presented and not yet accepted.
        var first = await h.StartReplicaAsync(h.ReplicaOptions("first", FreePort.Next()) with { Http01SelfCheck = true }, ct);
        await h.CreateAcmeIssuerAsync("pebble", ct);
        await h.CreateCertificateAsync("crash", "pebble", ["crash.k8scert.test"], ct);
        await h.WaitForChallengeAsync(c => c.Status?.Presented == true, Patience, "a presented Challenge", ct);
        await h.StopReplicaAsync(first);
        var leftBehind = await h.Apis.Ingresses.ListAsync(h.Namespace, ChallengeIngressBuilder.LabelSelectorForAll(), ct);
        Assert.NotEmpty(leftBehind.Items);

        await h.StartReplicaAsync(h.ReplicaOptions("second", h.Pebble.HttpPort), ct);
        await h.WaitCertificateReadyAsync("crash", 1, Patience, ct);
        await h.WaitForAsync(
            async c => (K8sCertOperator.Kube.Client.ResourceList<k8s.Models.V1Ingress>?)await h.Apis.Ingresses.ListAsync(h.Namespace, ChallengeIngressBuilder.LabelSelectorForAll(), c),
            list => list.Items.Count == 0, Patience, "no solver Ingress", ct);
        var challenges = await h.Apis.Challenges.ListAsync(h.Namespace, null, ct);
        Assert.All(challenges.Items, c => Assert.NotEqual(true, c.Status?.Presented));
    }

    [SkippableFact]
    public async Task Dns01TxtRecordIsGoneAfterARestartMidChallenge()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.SolversWithBind9, ct);
        const string recordName = "_acme-challenge.crash.example.com.";

        // The first operator checks propagation against a resolver nobody runs, so it presents the
        // record and then waits; it is stopped in that state.
        var deadResolver = $"127.0.0.1:{FreePort.Next()}";
        var first = await h.StartReplicaAsync(h.ReplicaOptions("first", FreePort.Next()) with { Dns01RecursiveNameservers = [deadResolver] }, ct);
        await h.CreateDns01IssuerAsync("bind", ct);
        await h.CreateCertificateAsync("crash", "bind", ["crash.example.com"], ct);
        var presented = await h.WaitForChallengeAsync(c => c.Status?.Presented == true, Patience, "a presented Challenge", ct);
        Assert.Equal(ChallengeTypes.Dns01, presented.Spec.Type);
        await h.StopReplicaAsync(first);
        Assert.Contains(Dns01ChallengeSolver.TxtValue(presented), await h.Bind!.QueryTxtAsync(recordName, ct));

        await h.StartReplicaAsync(h.ReplicaOptions("second", FreePort.Next()), ct);
        await h.WaitCertificateReadyAsync("crash", 1, Patience, ct);
        Assert.Empty(await h.PollTxtAsync(recordName, txt => txt.Count == 0, Patience, ct));
    }
}
