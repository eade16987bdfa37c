using System.Text.Json.Nodes;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Harness;
using K8sCertOperator.Kube.Client;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.ApiMode;

/// <summary>
/// In cert-manager mode the operator does nothing while cert-manager's controller holds its leader-election Lease,
/// says so naming the Lease, its holder and how to scale cert-manager down, and starts once the Lease is released.
/// </summary>
public sealed class CertManagerLeaseGuardTests(ITestOutputHelper output)
{
    private const string LeaseName = "cert-manager-controller";
    private const string Holder = "cert-manager-6b9c7d-abcde_5f1e0c2a";

    [SkippableFact]
    public async Task WaitsWhileCertManagerHoldsItsLeaseAndStartsWhenReleased()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await CertManagerModeHost.EnvironmentAsync(output, ct);
        var leases = CoreResourceApis.Leases(env.Client);
        await leases.CreateAsync(new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = LeaseName, NamespaceProperty = env.Namespace },
            Spec = new V1LeaseSpec { HolderIdentity = Holder, LeaseDurationSeconds = 3600, AcquireTime = DateTime.UtcNow, RenewTime = DateTime.UtcNow },
        }, ct);
        var cm = new CertManagerObjects(env.Client, env.Namespace);
        await cm.CreateAsync("issuers", CertManagerObjects.Named("self", "Issuer", new JsonObject { ["selfSigned"] = new JsonObject() }), ct);
        await cm.CreateAsync("certificates", CertManagerObjects.Named("web", "Certificate", new JsonObject
        {
            ["secretName"] = "web-tls",
            ["dnsNames"] = new JsonArray("web.example"),
            ["issuerRef"] = CertManagerObjects.IssuerRef("self"),
        }), ct);

        var captured = new CapturedLogs();
        using var logs = LoggerFactory.Create(b => b.AddProvider(captured));
        await using var host = await CertManagerModeHost.StartAsync(env, CertManagerModeHost.Options(env, LeaseName), logs, ct);
        var refusal = await WaitForLogAsync(captured, e => e.StartsWith("Error", StringComparison.Ordinal) && e.Contains(LeaseName, StringComparison.Ordinal), ct);

        Assert.Contains($"{env.Namespace}/{LeaseName}", refusal, StringComparison.Ordinal);
        Assert.Contains(Holder, refusal, StringComparison.Ordinal);
        Assert.Contains("--replicas=0", refusal, StringComparison.Ordinal);
        // Controllers start only after the guard lets go, so nothing has been reconciled yet.
        Assert.Null((await cm.GetAsync("certificates", "web", ct))!["status"]);
        Assert.Null((await cm.GetAsync("issuers", "self", ct))!["status"]);

        // cert-manager releases its Lease on a clean shutdown (scaled to 0): no holder.
        var held = await leases.GetAsync(env.Namespace, LeaseName, ct);
        held!.Spec.HolderIdentity = null;
        await leases.ReplaceAsync(held, ct);

        await cm.WaitConditionAsync("certificates", "web", ConditionTypes.Ready, ct);
        Assert.Contains(captured.Entries, e => e.Contains("released (no holder)", StringComparison.Ordinal));
    }

    private static async Task<string> WaitForLogAsync(CapturedLogs logs, Func<string, bool> match, CancellationToken ct)
    {
        while (true)
        {
            if (logs.Entries.FirstOrDefault(match) is { } entry)
            {
                return entry;
            }

            await Task.Delay(50, ct);
        }
    }
}
