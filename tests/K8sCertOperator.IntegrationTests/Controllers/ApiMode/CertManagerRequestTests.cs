using System.Text;
using System.Text.Json.Nodes;
using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.Pki;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.ApiMode;

/// <summary>
/// The ecosystem check: a cert-manager.io/v1 CertificateRequest created the way cert-manager's csi-driver creates one
/// (its own key, a CSR in spec.request, issuerRef to a CA Issuer, no Certificate behind it) is approved and signed.
/// </summary>
public sealed class CertManagerRequestTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task ACsiDriverStyleRequestIsApprovedAndSignedByACaIssuer()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await CertManagerModeHost.EnvironmentAsync(output, ct);
        await using var host = await CertManagerModeHost.StartAsync(env, CertManagerModeHost.Options(env), null, ct);
        var cm = new CertManagerObjects(env.Client, env.Namespace);
        await cm.CreateAsync("issuers", CertManagerObjects.Named("bootstrap", "Issuer", new JsonObject { ["selfSigned"] = new JsonObject() }), ct);
        await cm.CreateAsync("certificates", CertManagerObjects.Named("csi-ca", "Certificate", new JsonObject
        {
            ["secretName"] = "csi-ca-tls",
            ["commonName"] = "CSI CA",
            ["isCA"] = true,
            ["issuerRef"] = CertManagerObjects.IssuerRef("bootstrap"),
        }), ct);
        await cm.WaitConditionAsync("certificates", "csi-ca", ConditionTypes.Ready, ct);
        await cm.CreateAsync("issuers", CertManagerObjects.Named("csi-ca", "Issuer", new JsonObject { ["ca"] = new JsonObject { ["secretName"] = "csi-ca-tls" } }), ct);

        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var csr = CsrBuilder.BuildPem(key, new CertificateTemplate { DnsNames = ["pod-a.ns.svc"], Uris = ["spiffe://cluster.local/ns/default/sa/app"] });
        var request = CertManagerObjects.Named("csi-pod-a", "CertificateRequest", new JsonObject
        {
            ["request"] = Convert.ToBase64String(Encoding.ASCII.GetBytes(csr)),
            ["issuerRef"] = CertManagerObjects.IssuerRef("csi-ca"),
            ["duration"] = "1h",
            ["isCA"] = false,
            ["usages"] = new JsonArray("digital signature", "key encipherment", "server auth", "client auth"),
        });
        request["metadata"]!["labels"] = new JsonObject { ["csi.cert-manager.io/node-id"] = "node-1" };
        await cm.CreateAsync("certificaterequests", request, ct);

        var signed = await cm.WaitConditionAsync("certificaterequests", "csi-pod-a", ConditionTypes.Ready, ct);

        Assert.True(CertManagerObjects.IsTrue(signed, ConditionTypes.Approved), signed.ToJsonString());
        var pem = Encoding.ASCII.GetString(Convert.FromBase64String((string)signed["status"]!["certificate"]!));
        using var leaf = PemCodec.DecodeCertificates(pem)[0];
        Assert.True(key.PublicKeyMatches(leaf), "the certificate must be for the requester's key");
        Assert.Equal("CSI CA", leaf.GetNameInfo(System.Security.Cryptography.X509Certificates.X509NameType.SimpleName, forIssuer: true));
        Assert.Equal("node-1", (string?)signed["metadata"]!["labels"]!["csi.cert-manager.io/node-id"]);
        Assert.False(string.IsNullOrEmpty((string?)signed["status"]!["ca"]));
    }
}
