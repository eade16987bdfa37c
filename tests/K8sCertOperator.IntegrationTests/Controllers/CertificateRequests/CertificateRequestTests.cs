using System.Net;
using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Cli;
using K8sCertOperator.Cli.Ops;
using K8sCertOperator.Controllers.CertificateRequests;
using K8sCertOperator.Controllers.CertificateRequests.Approval;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Pki;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.CertificateRequests.CertificateRequestHarness;

namespace K8sCertOperator.IntegrationTests.Controllers.CertificateRequests;

/// <summary>Standalone CertificateRequests: approval (built-in approver and the approve/deny commands) and in-process signing.</summary>
public class CertificateRequestTests(ITestOutputHelper output)
{
    private static readonly ObjectReference CaIssuer = new() { Name = "ca", Kind = ApiGroups.IssuerKind, Group = ApiGroups.Cert };

    [Fact]
    public async Task ARequestForACaIssuerIsApprovedAndSigned()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, SignerPatterns.Default, ct);
        var caPem = await h.CreateCaIssuerAsync("ca", ct);

        using var key = await h.CreateRequestAsync("web", CaIssuer, "web.example", ct);

        var signed = await h.WaitForAsync("web", r => Has(r, ConditionTypes.Ready, ConditionStatus.True), "Ready", ct);
        Assert.True(Has(signed, ConditionTypes.Approved, ConditionStatus.True, ApprovalPolicy.Reason));
        Assert.Null(signed.Status!.FailureTime);
        Assert.Equal(caPem.Trim(), Encoding.ASCII.GetString(signed.Status.Ca!).Trim());
        using var leaf = PemCodec.DecodeCertificates(Encoding.ASCII.GetString(signed.Status.Certificate!))[0];
        Assert.True(key.PublicKeyMatches(leaf));
        Assert.Equal("Request Test CA", CertificateInfo.FromCertificate(leaf).IssuerCommonName);
        Assert.Equal(["web.example"], CertificateInfo.FromCertificate(leaf).SubjectAltNames.DnsNames);
        var csr = CsrParser.ParsePem(Encoding.ASCII.GetString(signed.Spec.Request));
        Assert.Null(ExternalIssuerResultCheck.Problem(csr, Encoding.ASCII.GetString(signed.Status.Certificate!)));

        // The spec is immutable, and a decision is final.
        signed.Spec.Duration = "48h";
        var refused = await Assert.ThrowsAsync<KubeApiException>(() => h.Apis.CertificateRequests.ReplaceAsync(signed, ct));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var deny = await RunCliAsync(ConditionTypes.Denied, env, "web", ct);
        Assert.Equal(ExitCodes.Failed, deny.Exit);
        Assert.Contains("already Approved", deny.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateCertificateRequestFromACertificateFileWritesThePrivateKeyAndTheSignedCertificate()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, SignerPatterns.Default, ct);
        await h.CreateCaIssuerAsync("ca", ct);
        var dir = Directory.CreateTempSubdirectory("k8scert-cr-");
        try
        {
            // A cert-manager user's YAML, unchanged.
            var manifest = Path.Combine(dir.FullName, "certificate.yaml");
            await File.WriteAllTextAsync(manifest, """
                apiVersion: cert-manager.io/v1
                kind: Certificate
                metadata:
                  name: by-hand
                spec:
                  secretName: by-hand-tls
                  duration: 24h
                  dnsNames: [by-hand.example]
                  issuerRef: {name: ca, kind: Issuer, group: cert-manager.io}
                """, ct);
            var keyFile = Path.Combine(dir.FullName, "by-hand.key");
            var crtFile = Path.Combine(dir.FullName, "by-hand.crt");
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            var exit = await CreateCertificateRequestCommand.RunAsync(env.Client, env.Namespace, "by-hand", manifest, keyFile, crtFile, TimeSpan.FromMinutes(2), stdout, stderr, ct);

            Assert.True(exit == ExitCodes.Ok, stderr.ToString());
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
            }

            using var key = PemCodec.DecodePrivateKey(await File.ReadAllTextAsync(keyFile, ct));
            using var leaf = PemCodec.DecodeCertificates(await File.ReadAllTextAsync(crtFile, ct))[0];
            Assert.True(key.PublicKeyMatches(leaf));
            Assert.Equal(["by-hand.example"], CertificateInfo.FromCertificate(leaf).SubjectAltNames.DnsNames);
            var request = await h.Apis.CertificateRequests.GetAsync(h.Namespace, "by-hand", ct);
            Assert.DoesNotContain("PRIVATE KEY", KubeJson.Serialize(request), StringComparison.Ordinal);

            // The key file is never overwritten.
            using var again = new StringWriter();
            Assert.Equal(ExitCodes.Failed, await CreateCertificateRequestCommand.RunAsync(env.Client, env.Namespace, "again", manifest, keyFile, crtFile, TimeSpan.FromMinutes(1), again, again, ct));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task DenyMakesTheRequestFailWithAnEventAndNoCertificate()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, SignerPatterns.Off, ct);
        await h.CreateCaIssuerAsync("ca", ct);
        using var key = await h.CreateRequestAsync("web", CaIssuer, "web.example", ct);
        await h.WaitForAsync("web", r => Has(r, ConditionTypes.Ready, ConditionStatus.False, CertificateRequestReasons.Pending), "Pending", ct);

        var deny = await RunCliAsync(ConditionTypes.Denied, env, "web", ct);
        Assert.Equal(ExitCodes.Ok, deny.Exit);

        var denied = await h.WaitForAsync("web", r => Has(r, ConditionTypes.Ready, ConditionStatus.False, CertificateRequestReasons.Denied), "Denied", ct);
        Assert.True(Has(denied, ConditionTypes.Denied, ConditionStatus.True, "NotOnMyWatch"));
        Assert.NotNull(denied.Status!.FailureTime);
        Assert.Null(denied.Status.Certificate);
        Assert.Contains(await h.EventsAsync(ct), e => e.Reason == CertificateRequestReasons.Denied && e.Type == "Warning" && e.InvolvedObject.Name == "web");

        var approve = await RunCliAsync(ConditionTypes.Approved, env, "web", ct);
        Assert.Equal(ExitCodes.Failed, approve.Exit);
    }

    [Fact]
    public async Task WithTheApproverOffARequestWaitsUntilApproved()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, SignerPatterns.Off, ct);
        await h.CreateCaIssuerAsync("ca", ct);
        using var key = await h.CreateRequestAsync("web", CaIssuer, "web.example", ct);

        var pending = await h.WaitForAsync("web", r => Has(r, ConditionTypes.Ready, ConditionStatus.False, CertificateRequestReasons.Pending), "Pending", ct);
        Assert.Contains("Waiting for approval", ConditionSet.Find(pending.Status!.Conditions, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);
        Assert.Null(ConditionSet.Find(pending.Status.Conditions, ConditionTypes.Approved));

        var approve = await RunCliAsync(ConditionTypes.Approved, env, "web", ct);
        Assert.Equal(ExitCodes.Ok, approve.Exit);

        var signed = await h.WaitForAsync("web", r => Has(r, ConditionTypes.Ready, ConditionStatus.True), "Ready after approve", ct);
        Assert.True(Has(signed, ConditionTypes.Approved, ConditionStatus.True, "NotOnMyWatch"));
        using var leaf = PemCodec.DecodeCertificates(Encoding.ASCII.GetString(signed.Status!.Certificate!))[0];
        Assert.True(key.PublicKeyMatches(leaf));
    }

    [Fact]
    public async Task AnExternalIssuerRequestIsApprovedWhenCoveredAndLeftToItsController()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, SignerPatterns.Parse(SignerPatterns.DefaultText + ",vaultissuers.example.com/*"), ct);
        await h.CreateCaIssuerAsync("ca", ct);
        var external = new ObjectReference { Name = "vault", Kind = "VaultIssuer", Group = "example.com" };
        using var externalKey = await h.CreateRequestAsync("external", external, "ext.example", ct);

        var approved = await h.WaitForAsync("external", r => Has(r, ConditionTypes.Approved, ConditionStatus.True, ApprovalPolicy.Reason), "Approved", ct);
        Assert.Contains("vaultissuers.example.com/" + h.Namespace + ".vault", ConditionSet.Find(approved.Status!.Conditions, ConditionTypes.Approved)!.Message, StringComparison.Ordinal);

        // A request for our own issuer created afterwards is signed; by then the signer has seen the external one
        // (one worker, first in first out) and must have left it without a Ready condition or a certificate.
        using var ownKey = await h.CreateRequestAsync("own", CaIssuer, "own.example", ct);
        await h.WaitForAsync("own", r => Has(r, ConditionTypes.Ready, ConditionStatus.True), "Ready", ct);
        var untouched = await h.Apis.CertificateRequests.GetAsync(h.Namespace, "external", ct);
        Assert.Null(ConditionSet.Find(untouched!.Status!.Conditions, ConditionTypes.Ready));
        Assert.Null(untouched.Status.Certificate);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunCliAsync(string conditionType, KubeTestEnvironment env, string name, CancellationToken ct)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await ApprovalCommands.RunAsync(env.Client, env.Namespace, name, conditionType, "NotOnMyWatch", "decided by a test", TimeProvider.System, stdout, stderr, ct);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
