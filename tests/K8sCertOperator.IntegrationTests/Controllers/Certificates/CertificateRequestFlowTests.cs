using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Cli;
using K8sCertOperator.Cli.Ops;
using K8sCertOperator.Controllers.CertificateRequests.Approval;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.Pki;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.Certificates.CertificateControllerHarness;
using K8sCertOperator.IntegrationTests.Infrastructure;

namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>
/// Certificate → CertificateRequest: one request per issuance, approval (built-in, CLI, denial), external issuers
/// whose result is checked before it reaches the Secret, and the request history.
/// </summary>
public class CertificateRequestFlowTests(ITestOutputHelper output)
{
    private static readonly ObjectReference Vault = new() { Name = "vault", Kind = "VaultIssuer", Group = "example.com" };

    [Fact]
    public async Task AnExternalIssuersCertificateIsCheckedBeforeItReachesTheSecret()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct, SignerPatterns.Parse(SignerPatterns.DefaultText + ",vaultissuers.example.com/*"));
        var certificate = NewCertificate(h.Namespace, "ext", "ext-tls", "vault", "ext.example");
        certificate.Spec.IssuerRef = Vault;
        await h.Apis.Certificates.CreateAsync(certificate, ct);

        // The test is the external controller: it only reads and writes CertificateRequests through the API.
        var first = await WaitForRequestAsync(h, "ext", r => ConditionSet.IsTrue(r.Status?.Conditions, ConditionTypes.Approved), ct);
        await SignAsExternalIssuerAsync(h, first, ["other.example"], ct);
        var refused = await h.WaitForCertificateAsync("ext", c => HasCondition(c, ConditionTypes.Issuing, ConditionStatus.False, ConditionReasons.Failed), "refused", ct);
        Assert.Contains($"CertificateRequest {first.Metadata.Name} returned an unusable certificate: DNS names are [other.example]",
            ConditionSet.Find(refused.Status!.Conditions, ConditionTypes.Issuing)!.Message, StringComparison.Ordinal);
        Assert.Null(await h.Apis.Secrets.GetAsync(h.Namespace, "ext-tls", ct));

        // After the backoff a new request (a new attempt) is made; this time the controller signs what was asked.
        h.Clock.Offset = TimeSpan.FromMinutes(2);
        h.Poke("ext");
        var second = await WaitForRequestAsync(h, "ext", r => r.Metadata.Name != first.Metadata.Name && ConditionSet.IsTrue(r.Status?.Conditions, ConditionTypes.Approved), ct);
        var caPem = await SignAsExternalIssuerAsync(h, second, null, ct);
        await h.WaitForReadyRevisionAsync("ext", 1, ct);
        var secret = await h.Apis.Secrets.GetAsync(h.Namespace, "ext-tls", ct);
        SecretAssert.ValidTls(secret, "ext", "ext.example");
        Assert.Equal(caPem, Encoding.ASCII.GetString(secret!.Data["ca.crt"]));
    }

    [Fact]
    public async Task DenyFailsTheIssuanceAndApproveLetsItProceed()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct, SignerPatterns.Off);
        await h.CreateReadyIssuerAsync("self", new IssuerSpec { SelfSigned = new K8sCertOperator.Api.SelfSignedIssuer() }, ct);
        await h.Apis.Certificates.CreateAsync(NewCertificate(h.Namespace, "refused", "refused-tls", "self", "refused.example"), ct);
        await h.Apis.Certificates.CreateAsync(NewCertificate(h.Namespace, "allowed", "allowed-tls", "self", "allowed.example"), ct);

        // With the approver off both wait, and say so.
        foreach (var name in new[] { "refused", "allowed" })
        {
            var waiting = await h.WaitForCertificateAsync(name, c => HasCondition(c, ConditionTypes.Issuing, ConditionStatus.True, CertificateReasons.WaitingForApproval), "waiting for approval", ct);
            Assert.Contains("to be approved", ConditionSet.Find(waiting.Status!.Conditions, ConditionTypes.Issuing)!.Message, StringComparison.Ordinal);
        }

        var refusedRequest = await WaitForRequestAsync(h, "refused", _ => true, ct);
        Assert.Equal(ExitCodes.Ok, await DecideAsync(env, refusedRequest.Metadata.Name, ConditionTypes.Denied, ct));
        var failed = await h.WaitForCertificateAsync("refused", c => HasCondition(c, ConditionTypes.Issuing, ConditionStatus.False, ConditionReasons.Failed), "denied", ct);
        Assert.Equal(1, failed.Status!.FailedIssuanceAttempts);
        Assert.Contains("was denied (NotOnMyWatch): decided by a test", ConditionSet.Find(failed.Status.Conditions, ConditionTypes.Issuing)!.Message, StringComparison.Ordinal);
        // The Event follows the status write.
        while (!(await h.EventsAsync(ct)).Any(e => e.InvolvedObject.Name == "refused" && e.Type == "Warning" && e.Message.Contains("was denied", StringComparison.Ordinal)))
        {
            await Task.Delay(50, ct);
        }

        Assert.Null(await h.Apis.Secrets.GetAsync(h.Namespace, "refused-tls", ct));

        var allowedRequest = await WaitForRequestAsync(h, "allowed", _ => true, ct);
        Assert.Equal(ExitCodes.Ok, await DecideAsync(env, allowedRequest.Metadata.Name, ConditionTypes.Approved, ct));
        await h.WaitForReadyRevisionAsync("allowed", 1, ct);
        var signed = await h.Apis.CertificateRequests.GetAsync(h.Namespace, allowedRequest.Metadata.Name, ct);
        Assert.True(ConditionSet.IsTrue(signed!.Status!.Conditions, ConditionTypes.Ready));
        Assert.True(ConditionSet.IsTrue(signed.Status.Conditions, ConditionTypes.Approved));
    }

    [Fact]
    public async Task EachIssuanceHasOneRequestAndTheHistoryIsPruned()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        await h.CreateReadyIssuerAsync("self", new IssuerSpec { SelfSigned = new K8sCertOperator.Api.SelfSignedIssuer() }, ct);
        var certificate = NewCertificate(h.Namespace, "web", "web-tls", "self", "web.example");
        certificate.Spec.RevisionHistoryLimit = 2;
        await h.Apis.Certificates.CreateAsync(certificate, ct);
        await h.WaitForReadyRevisionAsync("web", 1, ct);

        for (var revision = 2; revision <= 3; revision++)
        {
            await h.Apis.Certificates.PatchAsync(h.Namespace, "web", $$$"""{"spec":{"dnsNames":["web.example","r{{{revision}}}.web.example"]}}""", ct);
            await h.WaitForReadyRevisionAsync("web", revision, ct);
        }

        // Revisions 2 and 3 are kept (revisionHistoryLimit 2), each with exactly one request, Approved and Ready.
        IReadOnlyList<CertificateRequest> kept;
        do
        {
            await Task.Delay(50, ct);
            kept = (await h.Apis.CertificateRequests.ListAsync(h.Namespace, null, ct)).Items;
        }
        while (kept.Count != 2);
        Assert.Equal([2, 3], kept.Select(r => CertificateRequestFactory.RevisionOf(r.Metadata)!.Value).Order());
        Assert.All(kept, r =>
        {
            Assert.True(ConditionSet.IsTrue(r.Status?.Conditions, ConditionTypes.Approved));
            Assert.True(ConditionSet.IsTrue(r.Status?.Conditions, ConditionTypes.Ready));
            Assert.DoesNotContain("PRIVATE KEY", Encoding.ASCII.GetString(r.Spec.Request), StringComparison.Ordinal);
        });
    }

    private static Task<CertificateRequest> WaitForRequestAsync(CertificateControllerHarness h, string certificate, Func<CertificateRequest, bool> condition, CancellationToken ct) =>
        ApiPoll.UntilCancelledAsync(
            async token => (await h.Apis.CertificateRequests.ListAsync(h.Namespace, null, token)).Items.FirstOrDefault(r =>
                r.Metadata.Annotations?.TryGetValue(AnnotationKeys.CertificateName, out var name) == true && name == certificate && condition(r)),
            _ => true, TimeSpan.FromMilliseconds(50), $"a CertificateRequest of Certificate {certificate} as expected", _ => "none matched", ct);

    /// <summary>Signs the request's CSR with a fresh CA (for <paramref name="names"/> instead, when given) and writes Ready=True; returns the CA PEM.</summary>
    private static async Task<string> SignAsExternalIssuerAsync(CertificateControllerHarness h, CertificateRequest request, string[]? names, CancellationToken ct)
    {
        var csr = CsrParser.ParsePem(Encoding.ASCII.GetString(request.Spec.Request));
        var now = DateTimeOffset.UtcNow.AddMinutes(-1);
        using var caKey = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var ca = K8sCertOperator.Pki.SelfSignedIssuer.Issue(caKey, new CertificateTemplate { CommonName = "Vault CA", IsCA = true }, TimeSpan.FromDays(30), now);
        using var signer = CaSigner.FromPem(ca.CertificatePem, caKey.ExportPem(PrivateKeyEncoding.Pkcs8), now);
        var leaf = signer.Sign(new CertificateTemplate { DnsNames = names ?? csr.SubjectAltNames.DnsNames }, csr.PublicKey, TimeSpan.FromDays(10), now);
        request.Status ??= new CertificateRequestStatus();
        request.Status.Certificate = Encoding.ASCII.GetBytes(leaf.CertificatePem);
        request.Status.Ca = Encoding.ASCII.GetBytes(ca.CertificatePem);
        request.Status.Conditions = ConditionSet.Set(request.Status.Conditions, ConditionTypes.Ready, ConditionStatus.True, "Issued", "signed by the test's external controller", null, DateTime.UtcNow);
        await h.Apis.CertificateRequests.ReplaceStatusAsync(request, ct);
        return ca.CertificatePem;
    }

    private static async Task<int> DecideAsync(KubeTestEnvironment env, string request, string conditionType, CancellationToken ct)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        return await ApprovalCommands.RunAsync(env.Client, env.Namespace, request, conditionType, "NotOnMyWatch", "decided by a test", TimeProvider.System, stdout, stderr, ct);
    }
}
