using System.Text;
using System.Text.Json.Nodes;
using K8sCertOperator.Acme;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.IntegrationTests.Acme;
using K8sCertOperator.IntegrationTests.Harness;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.Challenges.AccountBoundDnsKit;

namespace K8sCertOperator.IntegrationTests.Controllers.Orders;

/// <summary>
/// The per-Certificate ACME profile (annotation acme.k8scert.io/profile) through the Certificate, Order and Challenge
/// controllers, against Pebble when it offers profiles, else the ACME double.
/// </summary>
public sealed class AcmeProfileTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task The_certificate_annotation_overrides_the_issuer_profile_and_an_unoffered_one_never_reaches_the_ca()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var harness = await StartHarnessAsync(output, ct);
        using var http = harness.Server.Pebble?.CreateHttpClient() ?? new HttpClient();
        var offered = await OfferedProfilesAsync(http, harness.Server.DirectoryUrl, ct);
        Skip.If(offered.Count < 2, $"the ACME server offers {offered.Count} profile(s); overriding needs two");
        var (issuerProfile, certificateProfile) = (offered[0], offered[^1]);
        await CreateTsigSecretAsync(harness, ct);
        await harness.CreateIssuerAsync([ChallengeSolvers.Rfc2136(harness.Bind!, TsigSecretName)], ct, profile: issuerProfile);
        await harness.StartOperatorAsync(orders: true, challenges: true, ct, certificates: true);

        await harness.Apis.Certificates.CreateAsync(Profiled("chosen", certificateProfile, harness.Namespace), ct);
        await harness.WaitForCertificateAsync("chosen", c => ConditionSet.IsTrue(c.Status?.Conditions, ConditionTypes.Ready), ct);

        var order = Assert.Single(await OrdersOfAsync(harness, "chosen", ct));
        Assert.Equal(certificateProfile, order.Spec.Profile);
        Assert.Equal(certificateProfile, await ProfileAtTheCaAsync(harness, http, order.Status!.Url!, ct));

        await harness.Apis.Certificates.CreateAsync(Profiled("unknown", "no-such-profile", harness.Namespace), ct);
        var refused = await harness.WaitForCertificateAsync("unknown", c =>
            c.Status?.Conditions?.Any(x => x.Message?.Contains("'no-such-profile'", StringComparison.Ordinal) == true) == true, ct);

        var message = refused.Status!.Conditions!.First(x => x.Message?.Contains("'no-such-profile'", StringComparison.Ordinal) == true).Message!;
        Assert.All(offered, p => Assert.Contains(p, message, StringComparison.Ordinal));
        Assert.False(ConditionSet.IsTrue(refused.Status.Conditions, ConditionTypes.Ready));
        var failed = (await OrdersOfAsync(harness, "unknown", ct)).First();
        Assert.Equal(AcmeStates.Errored, failed.Status!.State);
        Assert.True(string.IsNullOrEmpty(failed.Status.Url), "the refused Order must never have been created at the CA");
        if (harness.Server.Double is { } acme)
        {
            Assert.DoesNotContain(acme.NewOrderRequests, r => r.Profile == "no-such-profile");
        }
    }

    private static Certificate Profiled(string name, string profile, string ns)
    {
        var certificate = Certificates.CertificateControllerHarness.NewCertificate(ns, name, name + "-tls", AcmeControllerHarness.IssuerName, TestCsr.UniqueName(name));
        certificate.Metadata.Annotations = new Dictionary<string, string> { [AnnotationKeys.AcmeProfile] = profile };
        return certificate;
    }

    private static async Task<List<Order>> OrdersOfAsync(AcmeControllerHarness harness, string certificate, CancellationToken ct) =>
        [.. (await harness.Apis.Orders.ListAsync(harness.Namespace, null, ct)).Items
            .Where(o => o.Metadata.Annotations?.TryGetValue(AnnotationKeys.CertificateName, out var c) == true && c == certificate)];

    private static async Task<List<string>> OfferedProfilesAsync(HttpClient http, Uri directory, CancellationToken ct) =>
        [.. (JsonNode.Parse(await http.GetStringAsync(directory, ct))?["meta"]?["profiles"] as JsonObject ?? []).Select(p => p.Key).Order(StringComparer.Ordinal)];

    /// <summary>The profile the CA recorded for the order, read with the Issuer's own account key.</summary>
    private static async Task<string?> ProfileAtTheCaAsync(AcmeControllerHarness harness, HttpClient http, string orderUrl, CancellationToken ct)
    {
        var secret = await harness.Apis.Secrets.GetAsync(harness.Namespace, "pebble-account", ct);
        using var key = JwsSigners.FromPrivateKeyPem(Encoding.UTF8.GetString(secret!.Data![AcmeAccountKeys.SecretKeyOf(new SecretKeySelector())]));
        var account = new Uri(await AccountUrlAsync(harness, AcmeControllerHarness.IssuerName, ct));
        var client = new AcmeClient(http, harness.Server.DirectoryUrl, key, account);
        return (await client.GetOrderAsync(new Uri(orderUrl), ct)).Profile;
    }
}
