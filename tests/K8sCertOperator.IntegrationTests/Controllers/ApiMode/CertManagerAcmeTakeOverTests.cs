using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Controllers.Challenges;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Pki;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.ApiMode;

/// <summary>
/// Issue #16's take-over at scale with ACME: 20 Certificates cert-manager issued from an ACME Issuer (account key in
/// the Issuer's privateKeySecretRef, account URL in its status) are taken over by the operator in cert-manager mode
/// without a new account, order, CertificateRequest or serial, keeping cert-manager's renewalTime; renewed (as
/// <c>cmctl renew</c> asks), each is ordered on the same account with RFC 9773 <c>replaces</c> naming the certificate
/// cert-manager issued, which keeps the renewals exempt from the CA's rate limits. Runs against Pebble when it offers
/// renewalInfo, else against the ACME double; DNS-01 through the test's bind9.
/// </summary>
public sealed class CertManagerAcmeTakeOverTests(ITestOutputHelper output)
{
    private const int Count = 20;

    [SkippableFact]
    public async Task TwentyAcmeCertificatesAreTakenOverWithoutOrdersAndRenewWithAriReplaces()
    {
        var missing = CertManagerCrds.MissingReason();
        Skip.If(missing is not null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var harness = await AccountBoundDnsKit.StartHarnessAsync(output, ct);
        await CertManagerCrds.ApplyAsync(harness.Env, ct);
        var acme = harness.Server;
        var client = harness.Env.Client;
        var cm = new CertManagerObjects(client, harness.Namespace);
        var (accountUrl, issued) = await CertManagerAcmeLeftovers.WriteAsync(acme, harness.Bind!, client, harness.Namespace, Count, ct);
        var orders = acme.NewOrderCount;
        var recorded = (await cm.GetAsync("issuers", CertManagerAcmeLeftovers.IssuerName, ct))!["status"]!["acme"]!.DeepClone();

        await harness.StartOperatorAsync(orders: true, challenges: true, ct, certificates: true, adjust: o => o with
        {
            ApiMode = ApiFlavor.CertManager,
            CertManagerLeaseName = null,
            RenewalJitter = Policies.RenewalJitter.None,
        });
        // An edit that needs no new certificate makes the operator's verdict on each Certificate observable.
        foreach (var certificate in issued)
        {
            await PatchAsync(client, harness.Namespace, certificate.Name, """{"spec":{"revisionHistoryLimit":3}}""", ct);
        }
        foreach (var certificate in issued)
        {
            var seen = await CertManagerIssued.WaitObservedAsync(cm, certificate.Name, generation: 2, ct);
            Assert.True(CertManagerObjects.IsTrue(seen, ConditionTypes.Ready), seen.ToJsonString());
            Assert.False(CertManagerObjects.IsTrue(seen, ConditionTypes.Issuing), seen.ToJsonString());
            Assert.Equal(1, (int?)seen["status"]!["revision"]);
            Assert.Equal(CertManagerIssued.DefaultRenewalTime(certificate.Leaf), CertManagerIssued.ParseTime(seen["status"]!["renewalTime"]));
            Assert.Equal(certificate.Leaf.SerialNumber, await SerialAsync(harness, certificate.SecretName, ct));
        }
        var issuer = await cm.WaitConditionAsync("issuers", CertManagerAcmeLeftovers.IssuerName, ConditionTypes.Ready, ct);
        // The account status cert-manager recorded (URI, email, key hash in its format) still describes it.
        Assert.True(JsonNode.DeepEquals(recorded, issuer["status"]!["acme"]), issuer.ToJsonString());
        Assert.Equal(accountUrl, (string?)recorded["uri"]);
        Assert.Equal(orders, acme.NewOrderCount);
        Assert.Empty(await cm.ListAsync(CertManagerObjects.Group, "certificaterequests", ct));
        Assert.Empty(await cm.ListAsync(CertManagerObjects.AcmeGroup, "orders", ct));
        if (acme.Double is { } asked)
        {
            Assert.Equal(1, asked.AccountCount);
            // The CA's renewal window is watched for each certificate cert-manager issued, named by its CertID.
            var certIds = issued.Select(c => AcmeServerUnderTest.CertId(c.Leaf)).ToList();
            await ApiPoll.UntilAsync(_ => Task.FromResult<List<string>?>([.. certIds.Except(asked.RenewalInfoRequests)]), unasked => unasked.Count == 0,
                TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100), "renewalInfo asked for every certificate taken over", ct);
        }

        // cmctl renew: Issuing=True with reason ManuallyTriggered on each Certificate's status.
        foreach (var certificate in issued)
        {
            await RequestRenewalAsync(cm, client, harness.Namespace, certificate.Name, ct);
        }
        foreach (var certificate in issued)
        {
            var renewed = await cm.WaitAsync("certificates", certificate.Name,
                c => (int?)c["status"]?["revision"] == 2 && CertManagerObjects.IsTrue(c, ConditionTypes.Ready) && !CertManagerObjects.IsTrue(c, ConditionTypes.Issuing), ct);
            var serial = await SerialAsync(harness, certificate.SecretName, ct);
            Assert.NotEqual(certificate.Leaf.SerialNumber, serial);
            using var leaf = await LeafAsync(harness, certificate.SecretName, ct);
            Assert.Equal(CertManagerIssued.DefaultRenewalTime(leaf), CertManagerIssued.ParseTime(renewed["status"]!["renewalTime"]));
        }
        Assert.Equal(orders + Count, acme.NewOrderCount);
        if (acme.Double is { } ca)
        {
            // Every renewal went to the CA on the account cert-manager registered, naming the certificate it replaces.
            Assert.Equal(1, ca.AccountCount);
            var replaced = ca.NewOrderRequests.Skip(orders).Select(r => r.Replaces).Order(StringComparer.Ordinal);
            Assert.Equal(issued.Select(c => (string?)AcmeServerUnderTest.CertId(c.Leaf)).Order(StringComparer.Ordinal), replaced);
        }
        Assert.Equal(accountUrl, (string?)(await cm.GetAsync("issuers", CertManagerAcmeLeftovers.IssuerName, ct))!["status"]!["acme"]!["uri"]);
    }

    /// <summary>What <c>cmctl renew</c> does: sets the Issuing condition to True, reason ManuallyTriggered, on the status.</summary>
    private static async Task RequestRenewalAsync(CertManagerObjects cm, IKubernetes client, string ns, string name, CancellationToken ct)
    {
        var certificate = (await cm.GetAsync("certificates", name, ct))!;
        var conditions = (JsonArray)certificate["status"]!["conditions"]!.DeepClone();
        conditions.Add(new JsonObject
        {
            ["type"] = "Issuing", ["status"] = "True", ["reason"] = "ManuallyTriggered", ["message"] = "Certificate re-issuance manually triggered",
            ["observedGeneration"] = (long?)certificate["metadata"]!["generation"], ["lastTransitionTime"] = CertManagerIssued.Rfc3339(DateTime.UtcNow),
        });
        var patch = new JsonObject { ["status"] = new JsonObject { ["conditions"] = conditions } };
        await client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(patch.ToJsonString(), V1Patch.PatchType.MergePatch), CertManagerObjects.Group, "v1", ns, "certificates", name, cancellationToken: ct);
    }

    private static Task PatchAsync(IKubernetes client, string ns, string name, string mergePatch, CancellationToken ct) =>
        client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch(mergePatch, V1Patch.PatchType.MergePatch), CertManagerObjects.Group, "v1", ns, "certificates", name, cancellationToken: ct);

    private static async Task<string> SerialAsync(Orders.AcmeControllerHarness harness, string secretName, CancellationToken ct)
    {
        using var leaf = await LeafAsync(harness, secretName, ct);
        return leaf.SerialNumber;
    }

    private static async Task<System.Security.Cryptography.X509Certificates.X509Certificate2> LeafAsync(Orders.AcmeControllerHarness harness, string secretName, CancellationToken ct)
    {
        var secret = await harness.Apis.Secrets.GetAsync(harness.Namespace, secretName, ct);
        var chain = PemCodec.DecodeCertificates(Encoding.ASCII.GetString(secret!.Data["tls.crt"]));
        foreach (var extra in chain.Skip(1))
        {
            extra.Dispose();
        }
        return chain[0];
    }
}
