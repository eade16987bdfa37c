using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Cli.Ops;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Policies;
using K8sCertOperator.Tests.Pki.Keystores;

namespace K8sCertOperator.Tests.Cli.Ops;

public class SecretOutputsInspectionTests
{
    [Fact]
    public void InspectShowsOutputsAndJksEntriesWithoutKeyMaterial()
    {
        var material = KeystoreFixture.Create();
        var data = material.SecretData();
        var spec = new CertificateSpec
        {
            AdditionalOutputFormats = [new() { Type = AdditionalOutputFormats.CombinedPem }],
            Keystores = new CertificateKeystores { Jks = new JksKeystore { Create = true, Password = "pw", Alias = "app" }, Pkcs12 = new Pkcs12Keystore { Create = true, Password = "pw", Profile = Pkcs12Profiles.Modern2026 } },
        };
        foreach (var (k, v) in SecretOutputsBuilder.Build(data, null, spec, new ResolvedKeystorePasswords("pw", "pw"))!.Data)
        {
            data[k] = v;
        }

        var report = SecretInspection.Describe(new V1Secret { Metadata = new() { Name = "web-tls", NamespaceProperty = "ns" }, Type = "kubernetes.io/tls", Data = data });
        var text = SecretInspection.Render(report);
        Assert.Contains("tls-combined.pem", text, StringComparison.Ordinal);
        Assert.Contains("keystore.p12", text, StringComparison.Ordinal);
        Assert.Contains("truststore.p12", text, StringComparison.Ordinal);
        Assert.Contains("app (PrivateKeyEntry) CN=app.example.com, chain length 2", text, StringComparison.Ordinal);
        Assert.Contains("ca (trustedCertEntry) CN=Keystore Test CA, chain length 1", text, StringComparison.Ordinal);
        Assert.Contains("Modern2026: MAC PBMAC1, certificates PBES2", text, StringComparison.Ordinal);
        Assert.Equal("Modern2026", report["outputs"]!["truststore.p12"]!["profile"]!.GetValue<string>());
        Assert.DoesNotContain("PRIVATE KEY", text, StringComparison.Ordinal);
        Assert.Equal(SecretKeys.Derived.Count - 1, report["outputs"]!["keys"]!.AsArray().Count);
    }

    [Theory]
    [InlineData(new byte[] { 1, 2, 3 })]
    [InlineData(new byte[] { 0x30, 0x03, 0x02, 0x01, 0x03 })]
    [InlineData(new byte[] { 0x30, 0x80 })]
    public void AnUnreadableKeystoreIsSaidSo(byte[] garbage)
    {
        var data = KeystoreFixture.Create().SecretData();
        data[SecretKeys.Pkcs12Keystore] = garbage;

        var text = SecretInspection.Render(SecretInspection.Describe(new V1Secret { Metadata = new() { Name = "web-tls" }, Data = data }));

        Assert.Contains("unreadable PKCS#12 file", text, StringComparison.Ordinal);
    }

    [Fact]
    public void ASecretWithoutDerivedKeysHasNoOutputsSection()
    {
        var material = KeystoreFixture.Create();
        var report = SecretInspection.Describe(new V1Secret { Metadata = new() { Name = "web-tls" }, Data = material.SecretData() });
        Assert.Null(report["outputs"]);
    }
}
