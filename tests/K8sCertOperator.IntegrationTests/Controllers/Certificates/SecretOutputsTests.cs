using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.Pki;
using K8sCertOperator.Pki.Keystores;
using K8sCertOperator.Policies;
using K8sCertOperator.TestSupport;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.Certificates.CertificateControllerHarness;

namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>
/// additionalOutputFormats and keystores end to end: the Secret keys cert-manager documents, read by openssl and
/// keytool, and changes of formats or passwords served without a new certificate.
/// </summary>
public class SecretOutputsTests(ITestOutputHelper output)
{
    private static readonly IssuerSpec SelfSigned = new() { SelfSigned = new K8sCertOperator.Api.SelfSignedIssuer() };
    private static readonly string? KeytoolPath = new[] { "/usr/bin/keytool", "/usr/local/bin/keytool" }.FirstOrDefault(File.Exists);

    [Theory]
    [InlineData(Pkcs12Profiles.LegacyRC2)]
    [InlineData(Pkcs12Profiles.LegacyDES)]
    [InlineData(Pkcs12Profiles.Modern2023)]
    [InlineData(Pkcs12Profiles.Modern2026)]
    public async Task KeystoresAndFormatsAreWrittenAndFollowSpecChangesWithoutReissuing(string profile)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        await h.CreateReadyIssuerAsync("self", SelfSigned, ct);
        await h.Apis.Secrets.CreateAsync(PasswordSecret(h.Namespace, "p12-pass", "first-p12"), ct);
        var certificate = NewCertificate(h.Namespace, "web", "web-tls", "self", "a.example");
        // Java refuses certificates with an empty issuer DN, which a self-signed certificate without a subject has.
        certificate.Spec.CommonName = "a.example";
        certificate.Spec.AdditionalOutputFormats = [new() { Type = AdditionalOutputFormats.CombinedPem }, new() { Type = AdditionalOutputFormats.Der }];
        certificate.Spec.Keystores = new CertificateKeystores
        {
            Pkcs12 = new Pkcs12Keystore { Create = true, Profile = profile, PasswordSecretRef = new SecretKeySelector { Name = "p12-pass", Key = "password" } },
            Jks = new JksKeystore { Create = true, Password = "first-jks", Alias = "web" },
        };
        await h.Apis.Certificates.CreateAsync(certificate, ct);
        await h.WaitForReadyRevisionAsync("web", 1, ct);

        var secret = await WaitForSecretAsync(h, s => s.Data.ContainsKey(SecretKeys.JksKeystore), ct);
        Assert.Equal(
            [SecretKeys.CaCertificate, SecretKeys.KeyDer, SecretKeys.JksKeystore, SecretKeys.Pkcs12Keystore, SecretKeys.CombinedPem, SecretKeys.TlsCertificate, SecretKeys.TlsPrivateKey, SecretKeys.JksTruststore, SecretKeys.Pkcs12Truststore],
            secret.Data.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Encoding.ASCII.GetString(secret.Data[SecretKeys.TlsPrivateKey]) + Encoding.ASCII.GetString(secret.Data[SecretKeys.TlsCertificate]),
            Encoding.ASCII.GetString(secret.Data[SecretKeys.CombinedPem]));
        Assert.Equal(OutputFormatEncoder.KeyDer(secret.Data[SecretKeys.TlsPrivateKey]), secret.Data[SecretKeys.KeyDer]);
        var serial = Serial(secret);
        await Pkcs12Readers.AssertReadsAsync(output, secret.Data[SecretKeys.Pkcs12Keystore], "first-p12", profile, holdsKey: true, ct);
        await Pkcs12Readers.AssertReadsAsync(output, secret.Data[SecretKeys.Pkcs12Truststore], "first-p12", profile, holdsKey: false, ct);
        await AssertKeytoolListsAsync(secret.Data[SecretKeys.JksKeystore], "first-jks", "web", ct);
        Assert.Single(JksReader.Read(secret.Data[SecretKeys.JksTruststore], "first-jks"));

        // Only the formats change: key.der goes, the certificate stays.
        await h.Apis.Certificates.PatchAsync(h.Namespace, "web", """{"spec":{"additionalOutputFormats":[{"type":"CombinedPEM"}]}}""", ct);
        secret = await WaitForSecretAsync(h, s => !s.Data.ContainsKey(SecretKeys.KeyDer), ct);
        Assert.Equal(serial, Serial(secret));
        Assert.True(secret.Data.ContainsKey(SecretKeys.CombinedPem));

        // Only the passwords change (a Secret and a literal): the stores are rewritten, the certificate stays.
        await h.Apis.Secrets.ReplaceAsync(PasswordSecret(h.Namespace, "p12-pass", "second-p12", (await h.Apis.Secrets.GetAsync(h.Namespace, "p12-pass", ct))!.Metadata.ResourceVersion), ct);
        await h.Apis.Certificates.PatchAsync(h.Namespace, "web", """{"spec":{"keystores":{"jks":{"password":"second-jks"}}}}""", ct);
        secret = await WaitForSecretAsync(h, s => Opens(s.Data[SecretKeys.JksKeystore], "second-jks"), ct);
        Assert.Equal(serial, Serial(secret));
        await AssertKeytoolListsAsync(secret.Data[SecretKeys.JksKeystore], "second-jks", "web", ct);
        await Pkcs12Readers.AssertReadsAsync(output, secret.Data[SecretKeys.Pkcs12Keystore], "second-p12", profile, holdsKey: true, ct);
        var final = await h.WaitForCertificateAsync("web", c => HasCondition(c, ConditionTypes.Ready, ConditionStatus.True, ConditionReasons.Ready), "Ready after the rewrite", ct);
        Assert.Equal(1, final.Status!.Revision);
    }

    [Fact]
    public async Task AMissingPasswordSecretIsAReasonAndAnEventAndLeavesTheSecretAlone()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        await h.CreateReadyIssuerAsync("self", SelfSigned, ct);
        var certificate = NewCertificate(h.Namespace, "web", "web-tls", "self", "a.example");
        certificate.Spec.Keystores = new CertificateKeystores
        {
            Jks = new JksKeystore { Create = true, PasswordSecretRef = new SecretKeySelector { Name = "absent", Key = "password" } },
        };
        await h.Apis.Certificates.CreateAsync(certificate, ct);
        var halted = await h.WaitForCertificateAsync("web",
            c => HasCondition(c, ConditionTypes.Ready, ConditionStatus.False, CertificateReasons.KeystorePasswordMissing), "the password Secret is missing", ct);
        Assert.Contains("absent", ConditionSet.Find(halted.Status!.Conditions, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);
        Assert.Contains(await h.EventsAsync(ct), e => e.Reason == CertificateReasons.KeystorePasswordMissing && e.Type == "Warning");
        var secret = (await h.Apis.Secrets.GetAsync(h.Namespace, "web-tls", ct))!;
        Assert.False(secret.Data.ContainsKey(SecretKeys.JksKeystore));
        Assert.True(secret.Data.ContainsKey(SecretKeys.TlsCertificate));

        // The Secret appears: the next look writes the keystore and Ready returns, still revision 1.
        await h.Apis.Secrets.CreateAsync(PasswordSecret(h.Namespace, "absent", "now-here"), ct);
        h.Poke("web");
        secret = await WaitForSecretAsync(h, s => s.Data.ContainsKey(SecretKeys.JksKeystore), ct);
        Assert.True(Opens(secret.Data[SecretKeys.JksKeystore], "now-here"));
        var ready = await h.WaitForCertificateAsync("web", c => HasCondition(c, ConditionTypes.Ready, ConditionStatus.True, ConditionReasons.Ready), "password Secret created", ct);
        Assert.Equal(1, ready.Status!.Revision);
    }

    private static V1Secret PasswordSecret(string ns, string name, string password, string? resourceVersion = null) => new()
    {
        ApiVersion = "v1",
        Kind = "Secret",
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = ns, ResourceVersion = resourceVersion },
        Data = new Dictionary<string, byte[]> { ["password"] = Encoding.UTF8.GetBytes(password) },
    };

    private static string Serial(V1Secret secret) => CertificateInfo.FromPem(Encoding.ASCII.GetString(secret.Data[SecretKeys.TlsCertificate])).SerialNumberHex;

    private static bool Opens(byte[] jks, string password)
    {
        try
        {
            JksReader.Read(jks, password);
            return true;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    private static async Task<V1Secret> WaitForSecretAsync(CertificateControllerHarness h, Func<V1Secret, bool> condition, CancellationToken ct)
    {
        while (true)
        {
            var secret = await h.Apis.Secrets.GetAsync(h.Namespace, "web-tls", ct);
            if (secret?.Data is not null && condition(secret))
            {
                return secret;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
        }
    }

    private async Task AssertKeytoolListsAsync(byte[] jks, string password, string alias, CancellationToken ct)
    {
        if (KeytoolPath is null)
        {
            output.WriteLine("keytool is not installed (apt-get install -y openjdk-17-jre-headless): the JKS file is checked by our reader only");
            Assert.Contains(JksReader.Read(jks, password), e => e.Alias == alias && e.IsPrivateKey);
            return;
        }

        var dir = Directory.CreateTempSubdirectory("jks-");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "keystore.jks"), jks, ct);
            var (code, text) = await ToolRunner.RunAsync(KeytoolPath, dir.FullName, ct, "-list", "-v", "-keystore", "keystore.jks", "-storepass", password);
            Assert.True(code == 0, text);
            Assert.Contains($"Alias name: {alias}", text, StringComparison.Ordinal);
            Assert.Contains("Entry type: PrivateKeyEntry", text, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
