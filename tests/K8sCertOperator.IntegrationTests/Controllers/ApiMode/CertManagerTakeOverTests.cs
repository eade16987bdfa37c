using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;
using k8s;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.Pki;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.ApiMode;

/// <summary>
/// Take-over without re-issuance: a Certificate cert-manager issued (its Secret with cert-manager's annotations, its
/// status with revision and renewalTime) is kept as it is when the operator starts in cert-manager mode: same serial,
/// no new CertificateRequest, the same renewalTime.
/// </summary>
public sealed class CertManagerTakeOverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Duration = TimeSpan.FromDays(90);

    [SkippableFact]
    public async Task ACertificateCertManagerIssuedKeepsItsSerialAndRenewalTime()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await CertManagerModeHost.EnvironmentAsync(output, ct);
        var cm = new CertManagerObjects(env.Client, env.Namespace);
        var secrets = new K8sCertOperator.Controllers.OperatorApis(env.Client).Secrets;

        // What cert-manager left behind: a CA Issuer, its key pair, and a Certificate it issued from it.
        var now = DateTimeOffset.UtcNow.AddMinutes(-10);
        using var caKey = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var ca = K8sCertOperator.Pki.SelfSignedIssuer.Issue(caKey, new CertificateTemplate { CommonName = "Existing CA", IsCA = true }, TimeSpan.FromDays(365), now.AddDays(-1));
        await secrets.CreateAsync(CertManagerIssued.TlsSecret(env.Namespace, "ca-key-pair", ca.CertificatePem, caKey, annotations: []), ct);
        await cm.CreateAsync("issuers", CertManagerObjects.Named("ca", "Issuer", new JsonObject { ["ca"] = new JsonObject { ["secretName"] = "ca-key-pair" } }), ct);
        using var signer = CaSigner.FromPem(ca.CertificatePem, caKey.ExportPem(PrivateKeyEncoding.Pkcs8), now);
        using var leafKey = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Rsa));
        var leaf = signer.Sign(new CertificateTemplate { DnsNames = ["app.example"] }, leafKey.GetPublicKey(), Duration, now);
        await secrets.CreateAsync(CertManagerIssued.TlsSecret(env.Namespace, "app-tls", leaf.CertificatePem, leafKey,
            CertManagerIssued.SecretAnnotations("app", "ca", "Issuer", "app.example"), ca.CertificatePem), ct);
        using var issued = PemCodec.DecodeCertificates(leaf.CertificatePem)[0];
        var notAfter = issued.NotAfter.ToUniversalTime();
        // cert-manager's default renewBefore: a third of the duration.
        var renewalTime = notAfter - (Duration / 3);
        await cm.CreateAsync("certificates", CertManagerObjects.Named("app", "Certificate", new JsonObject
        {
            ["secretName"] = "app-tls",
            ["dnsNames"] = new JsonArray("app.example"),
            ["duration"] = "2160h",
            ["issuerRef"] = CertManagerObjects.IssuerRef("ca"),
        }), ct);
        await CertManagerIssued.WriteStatusAsync(env.Client, env.Namespace, "app", issued, renewalTime, ct);

        await using var host = await CertManagerModeHost.StartAsync(env, CertManagerModeHost.Options(env) with { RenewalJitter = Policies.RenewalJitter.None }, null, ct);
        // An edit after the switch (not one that needs a new certificate) makes the operator's verdict observable.
        await env.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"spec":{"revisionHistoryLimit":3}}""", V1Patch.PatchType.MergePatch), CertManagerObjects.Group, "v1", env.Namespace, "certificates", "app", cancellationToken: ct);
        var certificate = await CertManagerIssued.WaitObservedAsync(cm, "app", generation: 2, ct);

        var status = certificate["status"]!;
        Assert.True(CertManagerObjects.IsTrue(certificate, ConditionTypes.Ready), certificate.ToJsonString());
        // The re-issue chain ran in the same pass and found nothing (a mismatch would set Issuing=True, e.g. IncorrectIssuer).
        Assert.False(CertManagerObjects.IsTrue(certificate, ConditionTypes.Issuing), certificate.ToJsonString());
        Assert.Equal(1, (int?)status["revision"]);
        Assert.Equal(renewalTime, CertManagerIssued.ParseTime(status["renewalTime"]));
        var after = await secrets.GetAsync(env.Namespace, "app-tls", ct);
        using var kept = PemCodec.DecodeCertificates(Encoding.ASCII.GetString(after!.Data["tls.crt"]))[0];
        Assert.Equal(issued.SerialNumber, kept.SerialNumber);
        Assert.Empty(await cm.ListAsync(CertManagerObjects.Group, "certificaterequests", ct));
    }
}
