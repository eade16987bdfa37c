using k8s;
using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Controllers.Challenges;
using K8sCertOperator.IntegrationTests.Fixtures.AcmeDouble;
using K8sCertOperator.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.ApiMode;

/// <summary>
/// Issue #16's "each renews normally when made due", by time alone: Certificates cert-manager issued from an ACME
/// ClusterIssuer, whose account key Secret lives in cert-manager's own namespace (the operator started with
/// --cluster-resource-namespace naming it), are taken over without a new account, order, CertificateRequest or serial,
/// keeping cert-manager's renewalTime; nobody asks for a renewal, yet each is renewed once its renewalTime comes (not
/// before), on the same account, with RFC 9773 <c>replaces</c> naming the certificate cert-manager issued. The CA's
/// renewal window (ARI), later than that renewalTime here, does not hold the renewal back.
/// </summary>
public sealed class CertManagerTakeOverRenewalTests(ITestOutputHelper output)
{
    private const int Count = 5;

    /// <summary>The ACME double backdates notBefore by this much.</summary>
    private static readonly TimeSpan Backdate = TimeSpan.FromMinutes(1);

    /// <summary>
    /// cert-manager's certificates are valid 10 minutes from a notBefore one minute in the past, so with
    /// renewBefore 7m15s their renewalTime is 105 s after issuance: time enough to check the take-over first even on
    /// a loaded machine, soon enough for the test to end within about three minutes.
    /// </summary>
    private static readonly TimeSpan Tiny = TimeSpan.FromMinutes(10);

    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(435);

    [SkippableFact]
    public async Task ClusterIssuerCertificatesTakenOverRenewByThemselvesAtCertManagersRenewalTime()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = cts.Token;
        // Only cert-manager's orders name the short-lived profile; renewals get the CA's default (90 days), so a renewed
        // certificate is not due again before the test ends.
        var profiles = new Dictionary<string, TimeSpan> { ["classic"] = TimeSpan.FromDays(90), ["tiny"] = Tiny };
        await using var harness = await CertManagerAcmeTakeOver.StartHarnessAsync(output, ct, new AcmeDoubleOptions { Profiles = profiles }, doubleOnly: true);
        var client = harness.Env.Client;
        await using var certManagerNamespace = await ExtraNamespace.CreateAsync(client, ExtraNamespace.NewName("cert-manager"), ct);
        var setup = new CertManagerAcmeSetup
        {
            IssuerKind = ApiGroups.ClusterIssuerKind,
            // Cluster-scoped names are shared on a real cluster.
            IssuerName = harness.Namespace + "-letsencrypt",
            SecretNamespace = certManagerNamespace.Name,
            Profile = "tiny",
            RenewBefore = RenewBefore,
        };
        var cm = new CertManagerObjects(client, harness.Namespace);
        try
        {
            var (accountUrl, issued) = await CertManagerAcmeLeftovers.WriteAsync(harness.Server, harness.Bind!, client, harness.Namespace, Count, ct, setup);
            var orders = harness.Server.NewOrderCount;
            var recorded = await CertManagerAcmeTakeOver.RecordedAccountAsync(cm, setup, ct);

            await CertManagerAcmeTakeOver.StartOperatorAsync(harness, setup, ct, o => o with { ClusterResourceNamespace = certManagerNamespace.Name });
            await CertManagerAcmeTakeOver.AssertCertificatesKeptAsync(harness, cm, issued, ct);
            await CertManagerAcmeTakeOver.AssertNothingNewAsync(harness, cm, setup, recorded, orders, issued, ct);
            foreach (var certificate in issued)
            {
                // cert-manager's renewalTime is renewBefore before notAfter, well ahead of the CA's renewal window.
                Assert.Equal(certificate.Leaf.NotAfter.ToUniversalTime() - RenewBefore, certificate.RenewalTime, TimeSpan.FromSeconds(1));
            }

            // No trigger: each Certificate is renewed when its renewalTime comes.
            foreach (var certificate in issued)
            {
                var renewed = await ApiPoll.UntilCancelledAsync(token => cm.GetAsync("certificates", certificate.Name, token),
                    c => (int?)c["status"]?["revision"] == 2 && CertManagerObjects.IsTrue(c, ConditionTypes.Ready) && !CertManagerObjects.IsTrue(c, ConditionTypes.Issuing),
                    TimeSpan.FromMilliseconds(500), $"renewal of {certificate.Name} (renewalTime {certificate.RenewalTime:O})", c => c?.ToJsonString() ?? "nothing", ct);
                using var leaf = await CertManagerAcmeTakeOver.LeafAsync(harness, certificate.SecretName, ct);
                Assert.NotEqual(certificate.Leaf.SerialNumber, leaf.SerialNumber);
                // Not renewed early: the CA issued it (notBefore + its backdate) no sooner than cert-manager's renewalTime.
                Assert.True(leaf.NotBefore.ToUniversalTime() >= certificate.RenewalTime - Backdate,
                    $"{certificate.Name}: renewed certificate's notBefore {leaf.NotBefore.ToUniversalTime():O}, renewalTime {certificate.RenewalTime:O}");
                Assert.Equal(CertManagerIssued.RenewalTime(leaf, RenewBefore), CertManagerIssued.ParseTime(renewed["status"]!["renewalTime"]));
            }
            await CertManagerAcmeTakeOver.AssertRenewedOnSameAccountAsync(harness, cm, setup, accountUrl, orders, issued, ct);
            Assert.All(harness.Server.Double!.NewOrderRequests.Skip(orders), r => Assert.NotEqual("tiny", r.Profile));
        }
        finally
        {
            try
            {
                await client.CustomObjects.DeleteClusterCustomObjectAsync(CertManagerObjects.Group, "v1", setup.IssuerPlural, setup.IssuerName, cancellationToken: CancellationToken.None);
            }
            catch (k8s.Autorest.HttpOperationException e) when (e.Response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                // Never created: the test failed before.
            }
        }
    }
}
