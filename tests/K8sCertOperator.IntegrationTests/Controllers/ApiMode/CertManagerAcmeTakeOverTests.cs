using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sCertOperator.Api;
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
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var harness = await CertManagerAcmeTakeOver.StartHarnessAsync(output, ct);
        var client = harness.Env.Client;
        var cm = new CertManagerObjects(client, harness.Namespace);
        var setup = new CertManagerAcmeSetup();
        var (accountUrl, issued) = await CertManagerAcmeLeftovers.WriteAsync(harness.Server, harness.Bind!, client, harness.Namespace, Count, ct, setup);
        var orders = harness.Server.NewOrderCount;
        var recorded = await CertManagerAcmeTakeOver.RecordedAccountAsync(cm, setup, ct);

        await CertManagerAcmeTakeOver.StartOperatorAsync(harness, setup, ct);
        await CertManagerAcmeTakeOver.AssertCertificatesKeptAsync(harness, cm, issued, ct);
        // The account status cert-manager recorded (URI, email, key hash in its format) still describes it.
        Assert.Equal(accountUrl, (string?)recorded["uri"]);
        await CertManagerAcmeTakeOver.AssertNothingNewAsync(harness, cm, setup, recorded, orders, issued, ct);

        // cmctl renew: Issuing=True with reason ManuallyTriggered on each Certificate's status.
        foreach (var certificate in issued)
        {
            await RequestRenewalAsync(cm, client, harness.Namespace, certificate.Name, ct);
        }
        foreach (var certificate in issued)
        {
            var renewed = await cm.WaitAsync("certificates", certificate.Name,
                c => (int?)c["status"]?["revision"] == 2 && CertManagerObjects.IsTrue(c, ConditionTypes.Ready) && !CertManagerObjects.IsTrue(c, ConditionTypes.Issuing), ct);
            using var leaf = await CertManagerAcmeTakeOver.LeafAsync(harness, certificate.SecretName, ct);
            Assert.NotEqual(certificate.Leaf.SerialNumber, leaf.SerialNumber);
            Assert.Equal(CertManagerIssued.RenewalTime(leaf), CertManagerIssued.ParseTime(renewed["status"]!["renewalTime"]));
        }
        // Every renewal went to the CA on the account cert-manager registered, naming the certificate it replaces.
        await CertManagerAcmeTakeOver.AssertRenewedOnSameAccountAsync(harness, cm, setup, accountUrl, orders, issued, ct);
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
}
