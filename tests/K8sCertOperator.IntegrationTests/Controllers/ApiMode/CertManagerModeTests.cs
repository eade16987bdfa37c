using System.Text;
using System.Text.Json.Nodes;
using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Controllers.Certificates;
using K8sCertOperator.Pki;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.ApiMode;

/// <summary>
/// --api-mode cert-manager on cert-manager's own CRDs: cert-manager.io/v1 objects written as a cert-manager user
/// writes them are reconciled by the same controllers, and what the operator writes back is in cert-manager's names.
/// </summary>
public sealed class CertManagerModeTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task SelfSignedAndCaIssuersIssueACertManagerCertificateThroughACertManagerRequest()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await CertManagerModeHost.EnvironmentAsync(output, ct);
        await using var host = await CertManagerModeHost.StartAsync(env, CertManagerModeHost.Options(env), null, ct);
        var cm = new CertManagerObjects(env.Client, env.Namespace);

        await cm.CreateAsync("issuers", CertManagerObjects.Named("bootstrap", "Issuer", new JsonObject { ["selfSigned"] = new JsonObject() }), ct);
        await cm.CreateAsync("certificates", CertManagerObjects.Named("root-ca", "Certificate", new JsonObject
        {
            ["secretName"] = "root-ca-tls",
            ["commonName"] = "Migrated Root CA",
            ["isCA"] = true,
            ["privateKey"] = new JsonObject { ["algorithm"] = "ECDSA" },
            ["issuerRef"] = CertManagerObjects.IssuerRef("bootstrap"),
        }), ct);
        await cm.WaitConditionAsync("certificates", "root-ca", ConditionTypes.Ready, ct);
        await cm.CreateAsync("issuers", CertManagerObjects.Named("ca", "Issuer", new JsonObject { ["ca"] = new JsonObject { ["secretName"] = "root-ca-tls" } }), ct);
        await cm.CreateAsync("certificates", CertManagerObjects.Named("app", "Certificate", new JsonObject
        {
            ["secretName"] = "app-tls",
            ["dnsNames"] = new JsonArray("app.example"),
            ["issuerRef"] = CertManagerObjects.IssuerRef("ca"),
        }), ct);
        await cm.WaitConditionAsync("certificates", "app", ConditionTypes.Ready, ct);

        var secrets = new K8sCertOperator.Controllers.OperatorApis(env.Client).Secrets;
        var appSecret = await secrets.GetAsync(env.Namespace, "app-tls", ct);
        var annotations = appSecret!.Metadata.Annotations;
        Assert.Equal("app", annotations["cert-manager.io/certificate-name"]);
        Assert.Equal("ca", annotations["cert-manager.io/issuer-name"]);
        Assert.Equal("Issuer", annotations["cert-manager.io/issuer-kind"]);
        Assert.Equal("cert-manager.io", annotations["cert-manager.io/issuer-group"]);
        Assert.Equal("app.example", annotations["cert-manager.io/alt-names"]);
        Assert.DoesNotContain(annotations.Keys, k => k.Contains("k8scert.io", StringComparison.Ordinal));
        Assert.DoesNotContain((appSecret.Metadata.Labels ?? new Dictionary<string, string>()).Keys, k => k.Contains("k8scert.io", StringComparison.Ordinal));

        var caSecret = await secrets.GetAsync(env.Namespace, "root-ca-tls", ct);
        Assert.Equal("Migrated Root CA", caSecret!.Metadata.Annotations["cert-manager.io/common-name"]);
        using var root = PemCodec.DecodeCertificates(Encoding.ASCII.GetString(caSecret.Data["tls.crt"]))[0];
        using var leaf = PemCodec.DecodeCertificates(Encoding.ASCII.GetString(appSecret.Data["tls.crt"]))[0];
        var verified = ChainVerifier.Verify(leaf, [], [root]);
        Assert.True(verified.Ok, verified.Error);
        // Read back through cert-manager mode, the operator sees its own names again.
        SecretAssert.ValidTls(await new K8sCertOperator.Controllers.OperatorApis(env.Client, ApiFlavor.CertManager).Secrets.GetAsync(env.Namespace, "app-tls", ct), "app", "app.example");

        var requests = await cm.ListAsync(CertManagerObjects.Group, "certificaterequests", ct);
        var request = Assert.Single(requests, r => OwnedBy(r, "app"));
        Assert.Equal("cert-manager.io/v1", (string?)request["apiVersion"]);
        Assert.True(CertManagerObjects.IsTrue(request, ConditionTypes.Approved), request.ToJsonString());
        Assert.Contains((request["status"]!["conditions"] as JsonArray)!, c => (string?)c!["type"] == ConditionTypes.Approved && (string?)c["reason"] == "cert-manager.io");
        Assert.True(CertManagerObjects.IsTrue(request, ConditionTypes.Ready), request.ToJsonString());
        Assert.Equal("cert-manager.io", (string?)request["spec"]?["issuerRef"]?["group"]);
        Assert.False(string.IsNullOrEmpty((string?)request["status"]?["certificate"]));
        Assert.Equal("1", (string?)request["metadata"]?["annotations"]?["cert-manager.io/certificate-revision"]);
    }

    private static bool OwnedBy(JsonObject request, string certificate) =>
        (request["metadata"]?["ownerReferences"] as JsonArray ?? []).OfType<JsonObject>().Any(o =>
            (string?)o["apiVersion"] == "cert-manager.io/v1" && (string?)o["kind"] == "Certificate" && (string?)o["name"] == certificate);
}
