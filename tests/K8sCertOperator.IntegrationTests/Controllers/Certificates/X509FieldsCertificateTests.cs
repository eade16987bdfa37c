using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.Pki;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.Certificates.CertificateControllerHarness;

namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>
/// literalSubject, otherNames, nameConstraints, signatureAlgorithm and the issuers' URLs, end to end on the stand-in
/// and read back with the real openssl.
/// </summary>
public class X509FieldsCertificateTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task CaIssuerWritesItsUrlsAndTheLeafKeepsLiteralSubjectOtherNamesAndSignature()
    {
        Skip.If(OpenSslCli.MissingReason is not null, OpenSslCli.MissingReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        using var openssl = new OpenSslCli();

        await CreateCaSecretAsync(h, "ca-key-pair", ct);
        await h.CreateReadyIssuerAsync("ca", new IssuerSpec
        {
            Ca = new CaIssuer
            {
                SecretName = "ca-key-pair",
                CrlDistributionPoints = ["http://crl.example/ca.crl"],
                OcspServers = ["http://ocsp.example"],
                IssuingCertificateUrls = ["http://pki.example/ca.crt"],
            },
        }, ct);
        var certificate = NewCertificate(h.Namespace, "ldap", "ldap-tls", "ca", "ldap.example");
        certificate.Spec.LiteralSubject = "CN=ldap,OU=Directory,O=Corp,DC=corp,DC=example";
        certificate.Spec.OtherNames = [new CertificateOtherName { Oid = "1.3.6.1.4.1.311.20.2.3", Utf8Value = "svc-ldap@corp.example" }];
        certificate.Spec.PrivateKey = new CertificatePrivateKey { Algorithm = PrivateKeyAlgorithms.Ecdsa };
        certificate.Spec.SignatureAlgorithm = SignatureAlgorithms.EcdsaWithSha384;
        await h.Apis.Certificates.CreateAsync(certificate, ct);

        await h.WaitForReadyRevisionAsync("ldap", 1, ct);
        var secret = await h.Apis.Secrets.GetAsync(h.Namespace, "ldap-tls", ct);
        var text = await openssl.TextAsync(Encoding.ASCII.GetString(secret!.Data["tls.crt"]), ct);
        output.WriteLine(text);

        Assert.Contains("Subject: CN=ldap,OU=Directory,O=Corp,DC=corp,DC=example", text, StringComparison.Ordinal);
        Assert.Contains("X509v3 CRL Distribution Points", text, StringComparison.Ordinal);
        Assert.Contains("URI:http://crl.example/ca.crl", text, StringComparison.Ordinal);
        Assert.Contains("OCSP - URI:http://ocsp.example", text, StringComparison.Ordinal);
        Assert.Contains("CA Issuers - URI:http://pki.example/ca.crt", text, StringComparison.Ordinal);
        Assert.Contains("othername:", text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("svc-ldap@corp.example", text, StringComparison.Ordinal);
        Assert.Contains("DNS:ldap.example", text, StringComparison.Ordinal);
        Assert.Contains("Signature Algorithm: ecdsa-with-SHA384", text, StringComparison.Ordinal);
        Assert.Contains(
            "Other names:      1.3.6.1.4.1.311.20.2.3=svc-ldap@corp.example\n",
            K8sCertOperator.Cli.Ops.SecretInspection.Render(K8sCertOperator.Cli.Ops.SecretInspection.Describe(secret)),
            StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task VerifyRefusesALeafOutsideTheCasNameConstraints()
    {
        Skip.If(OpenSslCli.MissingReason is not null, OpenSslCli.MissingReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        using var openssl = new OpenSslCli();

        // A constrained root CA issued by the SelfSigned issuer (whose CRL URL it must carry) ...
        await h.CreateReadyIssuerAsync("selfsigned", new IssuerSpec { SelfSigned = new Api.SelfSignedIssuer { CrlDistributionPoints = ["http://crl.example/root.crl"] } }, ct);
        var ca = NewCertificate(h.Namespace, "corp-ca", "corp-ca-tls", "selfsigned");
        ca.Spec.CommonName = "Corp Constrained CA";
        ca.Spec.IsCA = true;
        ca.Spec.PrivateKey = new CertificatePrivateKey { Algorithm = PrivateKeyAlgorithms.Ecdsa };
        ca.Spec.NameConstraints = new CertificateNameConstraints
        {
            Critical = true,
            Permitted = new NameConstraintItems { DnsDomains = ["allowed.example"], IpRanges = ["10.0.0.0/8"] },
            Excluded = new NameConstraintItems { DnsDomains = ["secret.allowed.example"] },
        };
        await h.Apis.Certificates.CreateAsync(ca, ct);
        await h.WaitForReadyRevisionAsync("corp-ca", 1, ct);
        var caSecret = await h.Apis.Secrets.GetAsync(h.Namespace, "corp-ca-tls", ct);
        var caPem = Encoding.ASCII.GetString(caSecret!.Data["tls.crt"]);
        Assert.Contains(
            "Name constraints: critical, permitted DNS:allowed.example, permitted IP:10.0.0.0/8, excluded DNS:secret.allowed.example\n",
            K8sCertOperator.Cli.Ops.SecretInspection.Render(K8sCertOperator.Cli.Ops.SecretInspection.Describe(caSecret)),
            StringComparison.Ordinal);
        var caText = await openssl.TextAsync(caPem, ct);
        output.WriteLine(caText);
        Assert.Contains("X509v3 Name Constraints: critical", caText, StringComparison.Ordinal);
        Assert.Contains("DNS:allowed.example", caText, StringComparison.Ordinal);
        Assert.Contains("IP:10.0.0.0/255.0.0.0", caText, StringComparison.Ordinal);
        Assert.Contains("DNS:secret.allowed.example", caText, StringComparison.Ordinal);
        Assert.Contains("URI:http://crl.example/root.crl", caText, StringComparison.Ordinal);

        // ... a CA Issuer on its Secret, and leaves inside and outside the permitted names.
        await h.CreateReadyIssuerAsync("corp", new IssuerSpec { Ca = new CaIssuer { SecretName = "corp-ca-tls" } }, ct);
        await h.Apis.Certificates.CreateAsync(NewCertificate(h.Namespace, "inside", "inside-tls", "corp", "app.allowed.example"), ct);
        await h.Apis.Certificates.CreateAsync(NewCertificate(h.Namespace, "outside", "outside-tls", "corp", "app.other.example"), ct);
        await h.Apis.Certificates.CreateAsync(NewCertificate(h.Namespace, "excluded", "excluded-tls", "corp", "db.secret.allowed.example"), ct);
        var rootFile = openssl.Write("root.pem", caPem);
        foreach (var (name, valid) in new[] { ("inside", true), ("outside", false), ("excluded", false) })
        {
            await h.WaitForReadyRevisionAsync(name, 1, ct);
            var leafPem = Encoding.ASCII.GetString((await h.Apis.Secrets.GetAsync(h.Namespace, $"{name}-tls", ct))!.Data["tls.crt"]);
            var (code, result) = await openssl.RunAsync(ct, "verify", "-CAfile", rootFile, openssl.Write($"{name}.pem", leafPem));
            output.WriteLine($"{name}: {result}");
            if (valid)
            {
                Assert.True(code == 0, result);
            }
            else
            {
                Assert.True(code != 0, $"{name} verified although outside the name constraints: {result}");
                Assert.Contains("subtree violation", result, StringComparison.Ordinal);
            }
        }

        // Changing the constraints is a spec change the stored CA certificate no longer matches: it is re-issued.
        var current = await h.Apis.Certificates.GetAsync(h.Namespace, "corp-ca", ct);
        current!.Spec.NameConstraints!.Permitted!.DnsDomains = ["allowed.example", "also.example"];
        await h.Apis.Certificates.ReplaceAsync(current, ct);
        await h.WaitForReadyRevisionAsync("corp-ca", 2, ct);
        var reissued = Encoding.ASCII.GetString((await h.Apis.Secrets.GetAsync(h.Namespace, "corp-ca-tls", ct))!.Data["tls.crt"]);
        Assert.Contains("DNS:also.example", await openssl.TextAsync(reissued, ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignatureAlgorithmTheKeyCannotMakeIsRefused()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);

        // The schema can tell when the Certificate's own key does not suit the algorithm: the API refuses it.
        var refused = NewCertificate(h.Namespace, "refused", "refused-tls", "ca", "a.example");
        refused.Spec.PrivateKey = new CertificatePrivateKey { Algorithm = PrivateKeyAlgorithms.Ecdsa };
        refused.Spec.SignatureAlgorithm = SignatureAlgorithms.Sha256WithRsa;
        var e = await Assert.ThrowsAsync<K8sCertOperator.Kube.Client.KubeApiException>(() => h.Apis.Certificates.CreateAsync(refused, ct));
        Assert.Contains("signatureAlgorithm does not suit privateKey.algorithm", e.Message, StringComparison.Ordinal);

        // The CA issuer's key is only known when signing: the Certificate fails with the reason in its condition.
        await CreateCaSecretAsync(h, "ca-key-pair", ct);
        await h.CreateReadyIssuerAsync("ca", new IssuerSpec { Ca = new CaIssuer { SecretName = "ca-key-pair" } }, ct);
        var certificate = NewCertificate(h.Namespace, "rsa", "rsa-tls", "ca", "rsa.example");
        certificate.Spec.SignatureAlgorithm = SignatureAlgorithms.Sha512WithRsa;
        await h.Apis.Certificates.CreateAsync(certificate, ct);
        var failed = await h.WaitForCertificateAsync("rsa", c => HasCondition(c, ConditionTypes.Issuing, ConditionStatus.False, ConditionReasons.Failed), "Issuing=False Failed", ct);
        var issuing = ConditionSet.Find(failed.Status!.Conditions, ConditionTypes.Issuing)!;
        Assert.Contains("signatureAlgorithm SHA512WithRSA needs an RSA key, the signing key is an ECDSA key", issuing.Message, StringComparison.Ordinal);
    }

    /// <summary>An ECDSA root CA in a kubernetes.io/tls Secret.</summary>
    private static async Task CreateCaSecretAsync(CertificateControllerHarness h, string name, CancellationToken ct)
    {
        using var caKey = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var ca = K8sCertOperator.Pki.SelfSignedIssuer.Issue(caKey, new CertificateTemplate { CommonName = "Test CA", IsCA = true }, TimeSpan.FromDays(30), DateTimeOffset.UtcNow.AddMinutes(-5));
        await h.Apis.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = h.Namespace },
            Type = "kubernetes.io/tls",
            Data = new Dictionary<string, byte[]>
            {
                ["tls.crt"] = Encoding.ASCII.GetBytes(ca.CertificatePem),
                ["tls.key"] = Encoding.ASCII.GetBytes(caKey.ExportPem(PrivateKeyEncoding.Pkcs8)),
            },
        }, ct);
    }
}
