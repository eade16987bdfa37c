using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.StandIn.Validation;
using K8sCertOperator.Kube.Client;
using K8sCertOperator.Pki;
using K8sCertOperator.Pki.Keystores;
using K8sCertOperator.Policies;
using K8sCertOperator.TestSupport;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.Certificates.CertificateControllerHarness;

namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>
/// Issue #14's acceptance: the two cert-manager v1.21 Certificates in config/samples (every Certificate field between
/// them; subject and literalSubject exclude each other) are cert-manager's own YAML with only the apiVersion changed,
/// our CRD accepts them unchanged, and a CA issuer fills their Secrets with the keys cert-manager documents.
/// </summary>
public class CertManagerParityTests(ITestOutputHelper output)
{
    private const string Password = "parity-store-pass";

    /// <summary>The Secret keys cert-manager v1.21 documents for these outputs.</summary>
    private static readonly string[] CertManagerSecretKeys =
        ["ca.crt", "key.der", "keystore.jks", "keystore.p12", "tls-combined.pem", "tls.crt", "tls.key", "truststore.jks", "truststore.p12"];

    private static readonly string[] SampleFiles = ["certificate-cert-manager-intermediate.yaml", "certificate-cert-manager-client.yaml"];

    // ../shared/reference beside the checkout (as CI lays it out); K8SCERT_TEST_REFERENCE_DIR names another place.
    private static string CertManagerCrd => Path.Combine(
        Environment.GetEnvironmentVariable("K8SCERT_TEST_REFERENCE_DIR") is { Length: > 0 } dir ? dir : Path.Combine(RepositoryRoot.Find(), "..", "shared", "reference"),
        "cert-manager-v1.21.1-crds", "cert-manager.io_certificates.yaml");

    [SkippableFact]
    public void TheSamplesAreCertManagerV121CertificatesWithOnlyTheApiVersionChanged()
    {
        Skip.IfNot(File.Exists(CertManagerCrd),
            $"cert-manager's CRDs are not beside the repository ({Path.GetFullPath(CertManagerCrd)}); a fresh clone has no ../shared/reference; set K8SCERT_TEST_REFERENCE_DIR to its place");
        var validator = CustomResourceValidator.For(Schema(CertManagerCrd))!;
        foreach (var (file, sample) in Samples())
        {
            var original = sample.DeepClone().AsObject();
            original["apiVersion"] = "cert-manager.io/v1";
            var admitted = original.DeepClone().AsObject();

            var errors = validator.Admit(admitted, null);

            Assert.True(errors.Count == 0, $"{file}: " + string.Join("; ", errors));
            // Nothing pruned or defaulted: every field is one cert-manager knows, with a value it accepts.
            Assert.True(JsonNode.DeepEquals(original, admitted), $"{file} changed under cert-manager's schema:\n{original}\n{admitted}");
            Assert.Equal(original.ToJsonString().Replace("cert-manager.io/v1", "k8scert.io/v1", StringComparison.Ordinal), sample.ToJsonString());
        }
    }

    [Fact]
    public void BetweenThemTheSamplesUseEveryCertificateSpecFieldCertManagerHas()
    {
        var used = Samples().SelectMany(s => s.Sample["spec"]!.AsObject().Select(p => p.Key)).ToHashSet(StringComparer.Ordinal);
        // revocationPolicy is ours alone; cert-manager has no such field.
        var missing = Schema(Path.Combine(RepositoryRoot.CrdDirectory, "k8scert.io_certificates.yaml"))["properties"]!["spec"]!["properties"]!.AsObject()
            .Select(p => p.Key).Where(k => k != "revocationPolicy" && !used.Contains(k)).ToList();

        Assert.True(missing.Count == 0, "spec fields no parity sample uses: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task OurCrdAcceptsThemAndTheCaIssuerWritesTheSecretKeysCertManagerDocuments()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        await CreateCaIssuerAsync(h, ct);
        await h.Apis.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "example-keystore-password", NamespaceProperty = h.Namespace },
            Data = new Dictionary<string, byte[]> { ["password"] = Encoding.UTF8.GetBytes(Password) },
        }, ct);

        foreach (var file in SampleFiles)
        {
            var sample = h.LoadSample(file);
            var created = await h.CreateRawCertificateAsync(sample, ct);
            var stored = created["spec"]!.DeepClone().AsObject();
            foreach (var added in stored.Select(p => p.Key).Where(k => !sample["spec"]!.AsObject().ContainsKey(k)).ToList())
            {
                // Our CRD's one default, revocationPolicy: Never, is what cert-manager does without the field.
                Assert.Equal("revocationPolicy", added);
                stored.Remove(added);
            }

            Assert.True(JsonNode.DeepEquals(sample["spec"], stored), $"{file}: the API server changed the spec:\n{sample["spec"]}\n{stored}");
        }

        var intermediate = await IssuedSecretAsync(h, "parity-intermediate", "parity-intermediate-tls", ct);
        var client = await IssuedSecretAsync(h, "parity-client", "parity-client-tls", ct);

        var ca = CertificateInfo.FromPem(Encoding.ASCII.GetString(intermediate.Data[SecretKeys.TlsCertificate]));
        Assert.True(ca.IsCA);
        Assert.Equal("1.2.840.10045.4.3.3", ca.SignatureAlgorithmOid); // ecdsa-with-SHA384
        Assert.True(ca.NameConstraints!.Critical);
        Assert.Equal(["corp.example"], ca.NameConstraints.Permitted.DnsDomains);
        Assert.Equal(["secret.corp.example"], ca.NameConstraints.Excluded.DnsDomains);
        Assert.Equal("platform-team", intermediate.Metadata.Annotations["example.com/owner"]);
        Assert.Equal("parity", intermediate.Metadata.Labels["app.kubernetes.io/part-of"]);
        await AssertStoresAsync(intermediate, Pkcs12Profiles.Modern2023, "parity-intermediate", ct);

        var leaf = CertificateInfo.FromPem(Encoding.ASCII.GetString(client.Data[SecretKeys.TlsCertificate]));
        Assert.Equal(LiteralSubjectParser.Encode("CN=parity-client,OU=Services,O=Example Org,DC=corp,DC=example").RawData, leaf.SubjectDer);
        Assert.Equal("1.2.840.10045.4.3.2", leaf.SignatureAlgorithmOid); // ecdsa-with-SHA256
        var upn = Assert.Single(leaf.SubjectAltNames.OtherNames);
        Assert.Equal("1.3.6.1.4.1.311.20.2.3", upn.Oid);
        Assert.Equal("parity-client@corp.example", upn.Utf8Value);
        Assert.Equal(KeyAlgorithm.Ecdsa, leaf.PublicKeyAlgorithm);
        Assert.StartsWith("-----BEGIN EC PRIVATE KEY-----", Encoding.ASCII.GetString(client.Data[SecretKeys.TlsPrivateKey]), StringComparison.Ordinal);
        await AssertStoresAsync(client, Pkcs12Profiles.Modern2026, "parity-client", ct);
    }

    private static IEnumerable<(string File, JsonObject Sample)> Samples() =>
        SampleFiles.Select(f => (f, (JsonObject)YamlJson.Load(Path.Combine(RepositoryRoot.Find(), "config", "samples", f))!));

    private static JsonObject Schema(string crdPath) =>
        (JsonObject)YamlJson.Load(crdPath)!["spec"]!["versions"]![0]!["schema"]!["openAPIV3Schema"]!;

    // The CA issuer of config/samples/issuer-ca.yaml (with its CA URLs) over a fresh, unconstrained ECDSA CA.
    private static async Task CreateCaIssuerAsync(CertificateControllerHarness h, CancellationToken ct)
    {
        await h.CreateCaKeyPairSecretAsync("example-ca", "Parity Root CA", ct);
        var issuer = YamlJson.Load(Path.Combine(RepositoryRoot.Find(), "config", "samples", "issuer-ca.yaml"))!["spec"]!.Deserialize<IssuerSpec>(KubeJson.Options)!;
        await h.CreateReadyIssuerAsync("example-ca", issuer, ct);
    }

    private static async Task<V1Secret> IssuedSecretAsync(CertificateControllerHarness h, string certificate, string secretName, CancellationToken ct)
    {
        await h.WaitForReadyRevisionAsync(certificate, 1, ct);
        while (true)
        {
            var secret = await h.Apis.Secrets.GetAsync(h.Namespace, secretName, ct);
            if (secret?.Data is { } data && CertManagerSecretKeys.All(data.ContainsKey))
            {
                Assert.Equal(CertManagerSecretKeys, data.Keys.Order(StringComparer.Ordinal));
                return secret;
            }

            await Task.Delay(200, ct);
        }
    }

    private async Task AssertStoresAsync(V1Secret secret, string profile, string alias, CancellationToken ct)
    {
        var keyPem = secret.Data[SecretKeys.TlsPrivateKey];
        Assert.Equal(Encoding.ASCII.GetString(keyPem) + Encoding.ASCII.GetString(secret.Data[SecretKeys.TlsCertificate]),
            Encoding.ASCII.GetString(secret.Data[SecretKeys.CombinedPem]));
        Assert.Equal(OutputFormatEncoder.KeyDer(keyPem), secret.Data[SecretKeys.KeyDer]);
        Assert.Contains(JksReader.Read(secret.Data[SecretKeys.JksKeystore], Password), e => e.Alias == alias && e.IsPrivateKey);
        Assert.NotEmpty(JksReader.Read(secret.Data[SecretKeys.JksTruststore], Password));

        await Pkcs12Readers.AssertReadsAsync(output, secret.Data[SecretKeys.Pkcs12Keystore], Password, profile, holdsKey: true, ct);
        await Pkcs12Readers.AssertReadsAsync(output, secret.Data[SecretKeys.Pkcs12Truststore], Password, profile, holdsKey: false, ct);
    }
}
