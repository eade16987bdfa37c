using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.Pki;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.Certificates.CertificateControllerHarness;

namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>
/// The ACME path without an ACME server: the Certificate controller creates the Order, and the test plays the
/// Order controller by writing the Order's status (a certificate signed by a test CA, or a failure).
/// </summary>
public class AcmeCertificateTests(ITestOutputHelper output)
{
    private static IssuerSpec Acme(bool dns01) => new()
    {
        Acme = new AcmeIssuer
        {
            Server = "https://acme.invalid/directory",
            PrivateKeySecretRef = new SecretKeySelector { Name = "acme-account" },
            Solvers = [dns01 ? new AcmeChallengeSolver { Dns01 = new AcmeChallengeSolverDns01 { Rfc2136 = new AcmeIssuerDnsRfc2136 { Nameserver = "127.0.0.1:53" } } } : new AcmeChallengeSolver { Http01 = new AcmeChallengeSolverHttp01() }],
        },
    };

    private static async Task<Order> WaitForOrderAsync(CertificateControllerHarness h, string certificate, int revision, Func<Order, bool>? also, CancellationToken ct)
    {
        while (true)
        {
            var orders = await h.Apis.Orders.ListAsync(h.Namespace, null, ct);
            var order = orders.Items.FirstOrDefault(o =>
                OrderFactory.RevisionOf(o) == revision
                && o.Metadata.Annotations?.TryGetValue(AnnotationKeys.CertificateName, out var name) == true && name == certificate
                && (also is null || also(o)));
            if (order is not null)
            {
                return order;
            }

            await Task.Delay(50, ct);
        }
    }

    [Fact]
    public async Task OrderCarriesTheCsrAndAValidOrderFillsTheSecret()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        await h.CreateReadyIssuerAsync("le", Acme(dns01: false), ct);
        var certificate = NewCertificate(h.Namespace, "site", "site-tls", "le", "site.example", "www.site.example");
        certificate.Metadata.Labels = new Dictionary<string, string> { ["team"] = "web" };
        await h.Apis.Certificates.CreateAsync(certificate, ct);

        var order = await WaitForOrderAsync(h, "site", 1, null, ct);
        Assert.StartsWith("site-1-", order.Metadata.Name, StringComparison.Ordinal);
        Assert.Equal("web", order.Metadata.Labels["team"]);
        // Certificate → CertificateRequest (approved by the built-in approver) → Order of the same name.
        var requestOwner = Assert.Single(order.Metadata.OwnerReferences);
        Assert.Equal((ApiGroups.CertificateRequestKind, order.Metadata.Name), (requestOwner.Kind, requestOwner.Name));
        var request = await h.Apis.CertificateRequests.GetAsync(h.Namespace, order.Metadata.Name, ct);
        Assert.Equal("site", Assert.Single(request!.Metadata.OwnerReferences).Name);
        Assert.True(ConditionSet.IsTrue(request.Status!.Conditions, ConditionTypes.Approved));
        Assert.Equal("le", order.Spec.IssuerRef.Name);
        Assert.Equal(["site.example", "www.site.example"], order.Spec.DnsNames);
        var csr = CsrParser.ParseDer(order.Spec.Request);
        Assert.Equal(["site.example", "www.site.example"], csr.SubjectAltNames.DnsNames.Order());
        var pending = await h.Apis.Certificates.GetAsync(h.Namespace, "site", ct);
        Assert.True(ConditionSet.IsTrue(pending!.Status!.Conditions, ConditionTypes.Issuing));
        Assert.NotNull(pending.Status.NextPrivateKeySecretName);

        // Play the Order controller: sign the CSR with a test CA and mark the Order valid.
        var chain = SignChain(csr);
        order.Status = new OrderStatus { State = AcmeStates.Valid, Url = "https://acme.invalid/order/1", Certificate = Encoding.ASCII.GetBytes(chain.ChainPem) };
        await h.Apis.Orders.ReplaceStatusAsync(order, ct);

        await h.WaitForReadyRevisionAsync("site", 1, ct);
        var signed = await h.Apis.CertificateRequests.GetAsync(h.Namespace, order.Metadata.Name, ct);
        Assert.True(ConditionSet.IsTrue(signed!.Status!.Conditions, ConditionTypes.Ready));
        var secret = await h.Apis.Secrets.GetAsync(h.Namespace, "site-tls", ct);
        SecretAssert.ValidTls(secret, "site", "site.example", "www.site.example");
        Assert.Equal(chain.ChainPem, Encoding.ASCII.GetString(secret!.Data["tls.crt"]));
        Assert.Equal(chain.IntermediatePem.Trim(), Encoding.ASCII.GetString(secret.Data["ca.crt"]).Trim());
        Assert.Null(await h.Apis.Secrets.GetAsync(h.Namespace, pending.Status.NextPrivateKeySecretName, ct));

        // Renewal (2/3 of the 10 days) orders revision 2; once it is issued, revisionHistoryLimit 1 removes revision 1's Order.
        h.Clock.Offset = TimeSpan.FromDays(7);
        h.Poke("site");
        var renewal = await WaitForOrderAsync(h, "site", 2, null, ct);
        renewal.Status = new OrderStatus { State = AcmeStates.Valid, Certificate = Encoding.ASCII.GetBytes(SignChain(CsrParser.ParseDer(renewal.Spec.Request), days: 60).ChainPem) };
        await h.Apis.Orders.ReplaceStatusAsync(renewal, ct);
        await h.WaitForReadyRevisionAsync("site", 2, ct);
        while (await h.Apis.CertificateRequests.GetAsync(h.Namespace, order.Metadata.Name, ct) is not null
               || await h.Apis.Orders.GetAsync(h.Namespace, order.Metadata.Name, ct) is not null)
        {
            await Task.Delay(50, ct);
        }

        Assert.NotNull(await h.Apis.CertificateRequests.GetAsync(h.Namespace, renewal.Metadata.Name, ct));
        Assert.NotNull(await h.Apis.Orders.GetAsync(h.Namespace, renewal.Metadata.Name, ct));
    }

    [Fact]
    public async Task ChangedSpecReplacesTheOrderAndAFailedOrderBacksOff()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        await h.CreateReadyIssuerAsync("le", Acme(dns01: true), ct);
        await h.Apis.Certificates.CreateAsync(NewCertificate(h.Namespace, "site", "site-tls", "le", "*.site.example"), ct);
        var first = await WaitForOrderAsync(h, "site", 1, null, ct);

        // Spec changed mid-flight: the Order for revision 1 is replaced by one with the new names.
        await h.Apis.Certificates.PatchAsync(h.Namespace, "site", """{"spec":{"dnsNames":["*.site.example","site.example"]}}""", ct);
        var second = await WaitForOrderAsync(h, "site", 1, o => o.Metadata.Name != first.Metadata.Name, ct);
        Assert.Equal(["*.site.example", "site.example"], CsrParser.ParseDer(second.Spec.Request).SubjectAltNames.DnsNames.Order(StringComparer.Ordinal));
        while (await h.Apis.Orders.GetAsync(h.Namespace, first.Metadata.Name, ct) is not null)
        {
            await Task.Delay(50, ct);
        }

        second.Status = new OrderStatus { State = AcmeStates.Invalid, Reason = "urn:ietf:params:acme:error:unauthorized: no TXT record", FailureTime = DateTime.UtcNow };
        await h.Apis.Orders.ReplaceStatusAsync(second, ct);
        var failed = await h.WaitForCertificateAsync("site",
            c => HasCondition(c, ConditionTypes.Issuing, ConditionStatus.False, ConditionReasons.Failed), "Issuing=False Failed", ct);
        Assert.Equal(1, failed.Status!.FailedIssuanceAttempts);
        Assert.NotNull(failed.Status.LastFailureTime);
        Assert.Contains("no TXT record", ConditionSet.Find(failed.Status.Conditions, ConditionTypes.Issuing)!.Message, StringComparison.Ordinal);
        Assert.Null(failed.Status.NextPrivateKeySecretName); // rotationPolicy Always drops the key

        // Inside the back-off nothing new is ordered; after it a new attempt gets a new Order.
        await Task.Delay(TimeSpan.FromSeconds(1), ct);
        var orders = await h.Apis.Orders.ListAsync(h.Namespace, null, ct);
        Assert.Single(orders.Items);
        h.Clock.Offset = TimeSpan.FromMinutes(2);
        h.Poke("site");
        var retry = await WaitForOrderAsync(h, "site", 1, o => o.Metadata.Name != second.Metadata.Name, ct);
        Assert.NotNull(retry);
    }

    [Fact]
    public async Task ASubjectChangeTheCaWouldNotShowIsSeenInTheLastRequest()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        await h.CreateReadyIssuerAsync("le", Acme(dns01: false), ct);
        var certificate = NewCertificate(h.Namespace, "site", "site-tls", "le", "site.example");
        certificate.Spec.Subject = new X509Subject { Organizations = ["Before Inc"] };
        await h.Apis.Certificates.CreateAsync(certificate, ct);

        // The "CA" issues without any subject, as Let's Encrypt does: the certificate cannot show the organization.
        var order = await WaitForOrderAsync(h, "site", 1, null, ct);
        order.Status = new OrderStatus { State = AcmeStates.Valid, Certificate = Encoding.ASCII.GetBytes(SignChain(CsrParser.ParseDer(order.Spec.Request)).ChainPem) };
        await h.Apis.Orders.ReplaceStatusAsync(order, ct);
        await h.WaitForReadyRevisionAsync("site", 1, ct);

        await h.Apis.Certificates.PatchAsync(h.Namespace, "site", """{"spec":{"subject":{"organizations":["After Inc"]}}}""", ct);
        var renewal = await WaitForOrderAsync(h, "site", 2, null, ct);
        var asked = CsrParser.ParseDer(renewal.Spec.Request);
        Assert.Contains("O=After Inc", asked.Subject.Name, StringComparison.Ordinal);
        var renewing = await h.Apis.Certificates.GetAsync(h.Namespace, "site", ct);
        Assert.Equal(ConditionReasons.RequestChanged, ConditionSet.Find(renewing!.Status!.Conditions, ConditionTypes.Issuing)?.Reason);
        Assert.Contains("subject differ", ConditionSet.Find(renewing.Status.Conditions, ConditionTypes.Issuing)!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WildcardWithOnlyHttp01IsRefused()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        await h.CreateReadyIssuerAsync("le", Acme(dns01: false), ct);
        await h.Apis.Certificates.CreateAsync(NewCertificate(h.Namespace, "wild", "wild-tls", "le", "*.site.example"), ct);
        var refused = await h.WaitForCertificateAsync("wild",
            c => HasCondition(c, ConditionTypes.Ready, ConditionStatus.False, CertificateReasons.WildcardRequiresDns01), "wildcard refused", ct);
        Assert.Contains("DNS-01", ConditionSet.Find(refused.Status!.Conditions, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);
        Assert.Empty((await h.Apis.Orders.ListAsync(h.Namespace, null, ct)).Items);
    }

    private static (string ChainPem, string IntermediatePem) SignChain(ParsedCertificateRequest csr, int days = 10)
    {
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        using var rootKey = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var root = K8sCertOperator.Pki.SelfSignedIssuer.Issue(rootKey, new CertificateTemplate { CommonName = "Test Root", IsCA = true }, TimeSpan.FromDays(90), now);
        using var rootSigner = CaSigner.FromPem(root.CertificatePem, rootKey.ExportPem(PrivateKeyEncoding.Pkcs8), now);
        using var intermediateKey = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var intermediate = rootSigner.Sign(new CertificateTemplate { CommonName = "Test Intermediate", IsCA = true }, intermediateKey, TimeSpan.FromDays(80), now);
        var intermediatePem = PemCodec.EncodeCertificate(PemCodec.DecodeCertificates(intermediate.CertificatePem)[0]);
        using var signer = CaSigner.FromPem(intermediatePem, intermediateKey.ExportPem(PrivateKeyEncoding.Pkcs8), now);
        var leaf = signer.Sign(new CertificateTemplate { DnsNames = csr.SubjectAltNames.DnsNames }, csr.PublicKey, TimeSpan.FromDays(days), now);
        var leafPem = PemCodec.EncodeCertificate(PemCodec.DecodeCertificates(leaf.CertificatePem)[0]);
        return (leafPem + intermediatePem, intermediatePem);
    }
}
