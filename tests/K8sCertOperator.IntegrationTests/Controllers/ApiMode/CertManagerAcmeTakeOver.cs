using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Hosting;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Controllers.Orders;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Pki;

namespace K8sCertOperator.IntegrationTests.Controllers.ApiMode;

/// <summary>
/// What the ACME take-over tests share once cert-manager's leftovers (<see cref="CertManagerAcmeLeftovers"/>) are
/// written: starting the operator in cert-manager mode over them, checking that it kept them (no account, order,
/// CertificateRequest or serial of its own; cert-manager's renewalTime), and checking the renewals it then ordered.
/// </summary>
internal static class CertManagerAcmeTakeOver
{
    /// <summary>
    /// The harness (bind9, the ACME server: the double when <paramref name="doubleOnly"/>) with cert-manager's CRDs
    /// loaded; skips the calling test, saying why, when the CRDs or bind9 are absent.
    /// </summary>
    public static async Task<AcmeControllerHarness> StartHarnessAsync(
        Xunit.Abstractions.ITestOutputHelper output, CancellationToken ct, Fixtures.AcmeDouble.AcmeDoubleOptions? doubleOptions = null, bool doubleOnly = false)
    {
        var missing = CertManagerCrds.MissingReason();
        Skip.If(missing is not null, missing);
        var harness = await Challenges.AccountBoundDnsKit.StartHarnessAsync(output, ct, doubleOptions, doubleOnly);
        try
        {
            await CertManagerCrds.ApplyAsync(harness.Env, ct);
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts the ACME, Certificate and issuer controllers in cert-manager mode, without renewal jitter (so the
    /// renewalTime is cert-manager's) and without waiting for cert-manager's Lease.
    /// </summary>
    public static Task StartOperatorAsync(AcmeControllerHarness harness, CertManagerAcmeSetup setup, CancellationToken ct, Func<OperatorOptions, OperatorOptions>? adjust = null) =>
        harness.StartOperatorAsync(orders: true, challenges: true, ct, certificates: true, clusterIssuers: setup.IsClusterIssuer, adjust: o =>
        {
            var options = o with { ApiMode = ApiFlavor.CertManager, CertManagerLeaseName = null, RenewalJitter = Policies.RenewalJitter.None };
            return adjust?.Invoke(options) ?? options;
        });

    /// <summary>The issuer's status.acme as cert-manager recorded it.</summary>
    public static async Task<JsonNode> RecordedAccountAsync(CertManagerObjects cm, CertManagerAcmeSetup setup, CancellationToken ct) =>
        (await cm.GetAsync(setup.IssuerPlural, setup.IssuerName, ct))!["status"]!["acme"]!.DeepClone();

    /// <summary>
    /// Makes the operator's verdict on each Certificate observable with an edit that needs no new certificate, then
    /// checks it kept what cert-manager issued: Ready, not Issuing, revision 1, cert-manager's renewalTime, same serial.
    /// </summary>
    public static async Task AssertCertificatesKeptAsync(AcmeControllerHarness harness, CertManagerObjects cm, IReadOnlyList<CertManagerAcmeCertificate> issued, CancellationToken ct)
    {
        foreach (var certificate in issued)
        {
            await harness.Env.Client.CustomObjects.PatchNamespacedCustomObjectAsync(new V1Patch("""{"spec":{"revisionHistoryLimit":3}}""", V1Patch.PatchType.MergePatch),
                CertManagerObjects.Group, "v1", harness.Namespace, "certificates", certificate.Name, cancellationToken: ct);
        }
        foreach (var certificate in issued)
        {
            var seen = await CertManagerIssued.WaitObservedAsync(cm, certificate.Name, generation: 2, ct);
            Assert.True(CertManagerObjects.IsTrue(seen, ConditionTypes.Ready), seen.ToJsonString());
            Assert.False(CertManagerObjects.IsTrue(seen, ConditionTypes.Issuing), seen.ToJsonString());
            Assert.Equal(1, (int?)seen["status"]!["revision"]);
            Assert.Equal(certificate.RenewalTime, CertManagerIssued.ParseTime(seen["status"]!["renewalTime"]));
            using var leaf = await LeafAsync(harness, certificate.SecretName, ct);
            Assert.Equal(certificate.Leaf.SerialNumber, leaf.SerialNumber);
        }
    }

    /// <summary>
    /// Checks that nothing new was made at take-over: the issuer is Ready with the account status cert-manager recorded,
    /// the CA got no order (nor, when it is the double, an account) and no CertificateRequest or ACME Order exists; and
    /// that the CA's renewal window (ARI) was asked for each certificate taken over, by its CertID.
    /// </summary>
    public static async Task AssertNothingNewAsync(
        AcmeControllerHarness harness, CertManagerObjects cm, CertManagerAcmeSetup setup, JsonNode recorded, int orders, IReadOnlyList<CertManagerAcmeCertificate> issued, CancellationToken ct)
    {
        var issuer = await cm.WaitConditionAsync(setup.IssuerPlural, setup.IssuerName, ConditionTypes.Ready, ct);
        Assert.True(JsonNode.DeepEquals(recorded, issuer["status"]!["acme"]), issuer.ToJsonString());
        Assert.Equal(orders, harness.Server.NewOrderCount);
        Assert.Empty(await cm.ListAsync(CertManagerObjects.Group, "certificaterequests", ct));
        Assert.Empty(await cm.ListAsync(CertManagerObjects.AcmeGroup, "orders", ct));
        if (harness.Server.Double is { } asked)
        {
            Assert.Equal(1, asked.AccountCount);
            var certIds = issued.Select(c => AcmeServerUnderTest.CertId(c.Leaf)).ToList();
            await ApiPoll.UntilAsync(_ => Task.FromResult<List<string>?>([.. certIds.Except(asked.RenewalInfoRequests)]), unasked => unasked.Count == 0,
                TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100), "renewalInfo asked for every certificate taken over", ct);
        }
    }

    /// <summary>
    /// Checks the renewals: one new order per certificate taken over, on the account cert-manager registered (the
    /// issuer's status still names it), and, at the double, each naming in <c>replaces</c> the certificate it replaces.
    /// </summary>
    public static async Task AssertRenewedOnSameAccountAsync(
        AcmeControllerHarness harness, CertManagerObjects cm, CertManagerAcmeSetup setup, string accountUrl, int orders, IReadOnlyList<CertManagerAcmeCertificate> issued, CancellationToken ct)
    {
        Assert.Equal(orders + issued.Count, harness.Server.NewOrderCount);
        if (harness.Server.Double is { } ca)
        {
            Assert.Equal(1, ca.AccountCount);
            var replaced = ca.NewOrderRequests.Skip(orders).Select(r => r.Replaces).Order(StringComparer.Ordinal);
            Assert.Equal(issued.Select(c => (string?)AcmeServerUnderTest.CertId(c.Leaf)).Order(StringComparer.Ordinal), replaced);
        }
        Assert.Equal(accountUrl, (string?)(await cm.GetAsync(setup.IssuerPlural, setup.IssuerName, ct))!["status"]!["acme"]!["uri"]);
    }

    /// <summary>The leaf certificate in the Certificate's Secret.</summary>
    public static async Task<X509Certificate2> LeafAsync(AcmeControllerHarness harness, string secretName, CancellationToken ct)
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
