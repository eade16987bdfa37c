using k8s;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Solvers.Http01;
using K8sCertOperator.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.EndToEnd.Solvers;

/// <summary>
/// Two operator replicas on one API server: every replica answers HTTP-01 (the ingress may route to
/// any pod), only the leader reconciles, and a standby finishes the work when the leader dies.
/// </summary>
public sealed class Http01ReplicaTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task BothReplicasServeAPresentedTokenWhileOnlyOneLeads()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.Solvers, ct);
        var leader = await h.StartReplicaAsync(h.ReplicaOptions("replica-a", FreePort.Next()), ct);
        await h.WaitForLeaderAsync(leader, Patience, ct);
        var standby = await h.StartReplicaAsync(h.ReplicaOptions("replica-b", FreePort.Next()), ct);

        // A Challenge whose issuer does not exist: the leader presents it, then waits for an
        // account that never comes, so it stays presented and non-final for as long as we look.
        var challenge = await h.Apis.Challenges.CreateAsync(new Challenge
        {
            Metadata = new V1ObjectMeta { Name = "manual", NamespaceProperty = h.Namespace },
            Spec = new ChallengeSpec
            {
                Url = "https://127.0.0.1:1/chall/manual",
                AuthorizationUrl = "https://127.0.0.1:1/authz/manual",
                DnsName = "replicas.example.com",
                Type = ChallengeTypes.Http01,
                Token = "tok-" + Guid.NewGuid().ToString("N"),
                Key = "tok-key." + Guid.NewGuid().ToString("N"),
                Solver = ChallengeSolvers.Http01Ingress(),
                IssuerRef = new ObjectReference { Name = "absent", Kind = ApiGroups.IssuerKind, Group = ApiGroups.Cert },
            },
        }, ct);
        await h.WaitForAsync(
            c => h.Apis.Challenges.GetAsync(h.Namespace, "manual", c),
            c => c.Status?.Presented == true, Patience, "Challenge presented", ct);

        using var http = new HttpClient();
        foreach (var replica in new[] { leader, standby })
        {
            var url = $"http://127.0.0.1:{replica.Http01Port}{Http01Responder.PathPrefix}{challenge.Spec.Token}";
            var body = await PollBodyAsync(http, url, challenge.Spec.Key, ct);
            Assert.Equal(challenge.Spec.Key, body);
        }
        Assert.True(leader.Health.IsLeader);
        Assert.False(standby.Health.IsLeader);
        var lease = await h.Env.Client.CoordinationV1.ReadNamespacedLeaseAsync("k8scert-solvers", h.Namespace, cancellationToken: ct);
        Assert.Equal("replica-a", lease.Spec.HolderIdentity);
    }

    [SkippableFact]
    public async Task CertificateBecomesReadyWhenTheCaReachesTheStandbyReplica()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.Solvers, ct);
        var leader = await h.StartReplicaAsync(h.ReplicaOptions("replica-a", FreePort.Next()), ct);
        await h.WaitForLeaderAsync(leader, Patience, ct);
        // Pebble's VA dials its HttpPort: only the standby listens there.
        var standby = await h.StartReplicaAsync(h.ReplicaOptions("replica-b", h.Pebble.HttpPort), ct);

        await h.CreateAcmeIssuerAsync("pebble", ct);
        await h.CreateCertificateAsync("via-standby", "pebble", ["standby.example.com", "www.standby.example.com"], ct);
        await h.WaitCertificateReadyAsync("via-standby", 1, Patience, ct);

        Assert.True(leader.Health.IsLeader);
        Assert.False(standby.Health.IsLeader);
        var secret = await h.Apis.Secrets.GetAsync(h.Namespace, "via-standby-tls", ct);
        Assert.Equal("kubernetes.io/tls", secret!.Type);
        Assert.True(secret.Data.ContainsKey("tls.crt"));
    }

    [SkippableFact]
    public async Task StandbyTakesTheLeaseAndFinishesAPendingCertificateWhenTheLeaderDies()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.Solvers, ct);
        // The leader's self-check cannot resolve the name (.test is reserved, RFC 6761, so nothing leaves the
        // machine), so it presents and then waits: the certificate is provably unfinished when the leader dies.
        var leader = await h.StartReplicaAsync(h.ReplicaOptions("replica-a", FreePort.Next()) with { Http01SelfCheck = true }, ct);
        await h.WaitForLeaderAsync(leader, Patience, ct);
        var standby = await h.StartReplicaAsync(h.ReplicaOptions("replica-b", h.Pebble.HttpPort), ct);

        await h.CreateAcmeIssuerAsync("pebble", ct);
        await h.CreateCertificateAsync("handover", "pebble", ["handover.k8scert.test"], ct);
        await h.WaitForChallengeAsync(c => c.Status?.Presented == true, Patience, "a presented Challenge", ct);
        var pending = await h.Apis.Certificates.GetAsync(h.Namespace, "handover", ct);
        Assert.False(ConditionSet.IsTrue(pending!.Status?.Conditions, ConditionTypes.Ready));
        Assert.False(standby.Health.IsLeader);
        await h.StopReplicaAsync(leader);

        await h.WaitForLeaderAsync(standby, Patience, ct);
        var ready = await h.WaitCertificateReadyAsync("handover", 1, Patience, ct);
        Assert.True(ConditionSet.IsTrue(ready.Status!.Conditions, ConditionTypes.Ready));
        var lease = await h.Env.Client.CoordinationV1.ReadNamespacedLeaseAsync("k8scert-solvers", h.Namespace, cancellationToken: ct);
        Assert.Equal("replica-b", lease.Spec.HolderIdentity);
        Assert.NotNull(await h.Apis.Secrets.GetAsync(h.Namespace, "handover-tls", ct));
    }

    private static async Task<string> PollBodyAsync(HttpClient http, string url, string expected, CancellationToken ct)
    {
        // The standby learns the token from its own Challenge watch; give the event a moment to arrive.
        var deadline = DateTime.UtcNow + Patience;
        var last = string.Empty;
        while (DateTime.UtcNow < deadline)
        {
            using var response = await http.GetAsync(url, ct);
            last = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}";
            if (response.IsSuccessStatusCode)
            {
                var body = await response.Content.ReadAsStringAsync(ct);
                if (body == expected)
                {
                    return body;
                }
            }
            await Task.Delay(100, ct);
        }
        throw new TimeoutException($"{url} never served the key authorization; last: {last}");
    }
}
