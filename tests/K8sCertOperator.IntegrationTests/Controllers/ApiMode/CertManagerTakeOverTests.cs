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
        await secrets.CreateAsync(TlsSecret(env.Namespace, "ca-key-pair", ca.CertificatePem, caKey, annotations: []), ct);
        await cm.CreateAsync("issuers", CertManagerObjects.Named("ca", "Issuer", new JsonObject { ["ca"] = new JsonObject { ["secretName"] = "ca-key-pair" } }), ct);
        using var signer = CaSigner.FromPem(ca.CertificatePem, caKey.ExportPem(PrivateKeyEncoding.Pkcs8), now);
        using var leafKey = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Rsa));
        var leaf = signer.Sign(new CertificateTemplate { DnsNames = ["app.example"] }, leafKey.GetPublicKey(), Duration, now);
        await secrets.CreateAsync(TlsSecret(env.Namespace, "app-tls", leaf.CertificatePem, leafKey, new Dictionary<string, string>
        {
            ["cert-manager.io/certificate-name"] = "app",
            ["cert-manager.io/issuer-name"] = "ca",
            ["cert-manager.io/issuer-kind"] = "Issuer",
            ["cert-manager.io/issuer-group"] = "cert-manager.io",
            ["cert-manager.io/alt-names"] = "app.example",
            ["cert-manager.io/common-name"] = "",
            ["cert-manager.io/ip-sans"] = "",
            ["cert-manager.io/uri-sans"] = "",
        }, ca.CertificatePem), ct);
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
        await WriteCertManagerStatusAsync(env, issued, renewalTime, ct);

        await using var host = await CertManagerModeHost.StartAsync(env, CertManagerModeHost.Options(env) with { RenewalJitter = Policies.RenewalJitter.None }, null, ct);
        // An edit after the switch (not one that needs a new certificate) makes the operator's verdict observable.
        await env.Client.CustomObjects.PatchNamespacedCustomObjectAsync(
            new V1Patch("""{"spec":{"revisionHistoryLimit":3}}""", V1Patch.PatchType.MergePatch), CertManagerObjects.Group, "v1", env.Namespace, "certificates", "app", cancellationToken: ct);
        var certificate = await WaitObservedAsync(cm, "app", generation: 2, ct);

        var status = certificate["status"]!;
        Assert.True(CertManagerObjects.IsTrue(certificate, ConditionTypes.Ready), certificate.ToJsonString());
        // The re-issue chain ran in the same pass and found nothing (a mismatch would set Issuing=True, e.g. IncorrectIssuer).
        Assert.False(CertManagerObjects.IsTrue(certificate, ConditionTypes.Issuing), certificate.ToJsonString());
        Assert.Equal(1, (int?)status["revision"]);
        Assert.Equal(renewalTime, DateTime.Parse((string)status["renewalTime"]!, null, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal));
        var after = await secrets.GetAsync(env.Namespace, "app-tls", ct);
        using var kept = PemCodec.DecodeCertificates(Encoding.ASCII.GetString(after!.Data["tls.crt"]))[0];
        Assert.Equal(issued.SerialNumber, kept.SerialNumber);
        Assert.Empty(await cm.ListAsync(CertManagerObjects.Group, "certificaterequests", ct));
    }

    private static V1Secret TlsSecret(string ns, string name, string certificatePem, CertificateKey key, Dictionary<string, string> annotations, string? caPem = null) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, Annotations = annotations, Labels = new Dictionary<string, string> { ["controller.cert-manager.io/fao"] = "true" } },
        Type = "kubernetes.io/tls",
        Data = new Dictionary<string, byte[]>
        {
            ["tls.crt"] = Encoding.ASCII.GetBytes(certificatePem),
            ["tls.key"] = Encoding.ASCII.GetBytes(key.ExportPem(PrivateKeyEncoding.Pkcs1)),
            ["ca.crt"] = Encoding.ASCII.GetBytes(caPem ?? certificatePem),
        },
    };

    private static async Task WriteCertManagerStatusAsync(KubeTestEnvironment env, X509Certificate2 issued, DateTime renewalTime, CancellationToken ct)
    {
        var status = new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "Ready", ["status"] = "True", ["reason"] = "Ready", ["observedGeneration"] = 1,
                    ["message"] = "Certificate is up to date and has not expired", ["lastTransitionTime"] = Rfc3339(issued.NotBefore),
                }),
                ["notBefore"] = Rfc3339(issued.NotBefore),
                ["notAfter"] = Rfc3339(issued.NotAfter),
                ["renewalTime"] = Rfc3339(renewalTime),
                ["revision"] = 1,
            },
        };
        await env.Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync(
            new V1Patch(status.ToJsonString(), V1Patch.PatchType.MergePatch), CertManagerObjects.Group, "v1", env.Namespace, "certificates", "app", cancellationToken: ct);
    }

    private static async Task<JsonObject> WaitObservedAsync(CertManagerObjects cm, string name, long generation, CancellationToken ct)
    {
        while (true)
        {
            var certificate = await cm.GetAsync("certificates", name, ct);
            var ready = (certificate?["status"]?["conditions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] == "Ready");
            if (certificate is not null && (long?)ready?["observedGeneration"] == generation)
            {
                return certificate;
            }

            await Task.Delay(100, ct);
        }
    }

    private static string Rfc3339(DateTime time) => time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
