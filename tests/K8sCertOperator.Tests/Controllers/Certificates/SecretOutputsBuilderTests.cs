using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Pki.Keystores;
using K8sCertOperator.Policies;
using K8sCertOperator.Tests.Pki.Keystores;

namespace K8sCertOperator.Tests.Controllers.Certificates;

public class SecretOutputsBuilderTests
{
    private static readonly KeystoreFixture Material = KeystoreFixture.Create();

    private static CertificateSpec Spec(string[]? formats = null, bool p12 = false, bool jks = false, string profile = Pkcs12Profiles.LegacyDES) => new()
    {
        SecretName = "web-tls",
        AdditionalOutputFormats = formats?.Select(f => new CertificateAdditionalOutputFormat { Type = f }).ToList(),
        Keystores = p12 || jks
            ? new CertificateKeystores
            {
                Pkcs12 = p12 ? new Pkcs12Keystore { Create = true, Password = "ignored-here", Profile = profile } : null,
                Jks = jks ? new JksKeystore { Create = true, Password = "ignored-here" } : null,
            }
            : null,
    };

    public static TheoryData<string[]?, bool, bool, bool, string[]> Cases => new()
    {
        // formats, pkcs12, jks, ca.crt present, expected derived keys
        { null, false, false, true, [] },
        { [AdditionalOutputFormats.CombinedPem], false, false, true, [SecretKeys.CombinedPem] },
        { [AdditionalOutputFormats.Der], false, false, true, [SecretKeys.KeyDer] },
        { [AdditionalOutputFormats.Der, AdditionalOutputFormats.CombinedPem], false, false, true, [SecretKeys.CombinedPem, SecretKeys.KeyDer] },
        { null, true, false, true, [SecretKeys.Pkcs12Keystore, SecretKeys.Pkcs12Truststore] },
        { null, true, false, false, [SecretKeys.Pkcs12Keystore] },
        { null, false, true, true, [SecretKeys.JksKeystore, SecretKeys.JksTruststore] },
        { null, false, true, false, [SecretKeys.JksKeystore] },
        { [AdditionalOutputFormats.Der], true, true, true, [SecretKeys.KeyDer, SecretKeys.Pkcs12Keystore, SecretKeys.Pkcs12Truststore, SecretKeys.JksKeystore, SecretKeys.JksTruststore] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void DerivedKeysFollowTheSpec(string[]? formats, bool p12, bool jks, bool withCa, string[] expected)
    {
        var data = Material.SecretData();
        if (!withCa)
        {
            data.Remove(SecretKeys.CaCertificate);
        }

        var outputs = SecretOutputsBuilder.Build(data, null, Spec(formats, p12, jks), new ResolvedKeystorePasswords(p12 ? "pw" : null, jks ? "pw" : null))!;
        Assert.Equal(expected.Order(StringComparer.Ordinal), outputs.Data.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(p12 || jks, outputs.KeystoreDigest is not null);
    }

    [Fact]
    public void NoCertificateYetMeansNoOutputs()
    {
        var data = Material.SecretData();
        data.Remove(SecretKeys.TlsCertificate);
        Assert.Null(SecretOutputsBuilder.Build(data, null, Spec([AdditionalOutputFormats.Der]), ResolvedKeystorePasswords.None));
    }

    [Fact]
    public void UnchangedKeystoreInputsKeepTheStoredBytesAndAreInStep()
    {
        var spec = Spec([AdditionalOutputFormats.CombinedPem], p12: true, jks: true);
        var passwords = new ResolvedKeystorePasswords("pw", "pw");
        var first = SecretOutputsBuilder.Build(Material.SecretData(), null, spec, passwords)!;
        var stored = Material.SecretData();
        foreach (var (k, v) in first.Data)
        {
            stored[k] = v;
        }

        var annotations = new Dictionary<string, string> { [AnnotationKeys.KeystoreDigest] = first.KeystoreDigest! };
        var again = SecretOutputsBuilder.Build(stored, annotations, spec, passwords)!;
        Assert.Equal(first.Data[SecretKeys.Pkcs12Keystore], again.Data[SecretKeys.Pkcs12Keystore]);
        Assert.Equal(first.Data[SecretKeys.JksKeystore], again.Data[SecretKeys.JksKeystore]);
        Assert.True(SecretOutputsBuilder.InStep(stored, annotations, again));
    }

    [Theory]
    [InlineData("new-pkcs12-password", "pw")]
    [InlineData("pw", "new-jks-password")]
    public void APasswordChangeRebuildsTheStores(string p12Password, string jksPassword)
    {
        var spec = Spec(p12: true, jks: true);
        var first = SecretOutputsBuilder.Build(Material.SecretData(), null, spec, new ResolvedKeystorePasswords("pw", "pw"))!;
        var stored = Material.SecretData();
        foreach (var (k, v) in first.Data)
        {
            stored[k] = v;
        }

        var annotations = new Dictionary<string, string> { [AnnotationKeys.KeystoreDigest] = first.KeystoreDigest! };
        var changed = SecretOutputsBuilder.Build(stored, annotations, spec, new ResolvedKeystorePasswords(p12Password, jksPassword))!;
        Assert.NotEqual(first.KeystoreDigest, changed.KeystoreDigest);
        Assert.False(SecretOutputsBuilder.InStep(stored, annotations, changed));
        Assert.Single(JksReader.Read(changed.Data[SecretKeys.JksKeystore], jksPassword), e => e.IsPrivateKey);
    }

    [Fact]
    public void ARemovedFormatIsNotInStepUntilItsKeyIsGone()
    {
        var stored = Material.SecretData();
        stored[SecretKeys.KeyDer] = [1, 2, 3];
        var outputs = SecretOutputsBuilder.Build(stored, null, Spec(), ResolvedKeystorePasswords.None)!;
        Assert.Empty(outputs.Data);
        Assert.False(SecretOutputsBuilder.InStep(stored, null, outputs));
        var rewritten = SecretOutputsStep.Rewrite(new k8s.Models.V1Secret { Metadata = new() { Name = "web-tls" }, Data = stored }, outputs);
        Assert.False(rewritten.Data.ContainsKey(SecretKeys.KeyDer));
        Assert.Equal(Material.ChainPem, rewritten.Data[SecretKeys.TlsCertificate]);
        Assert.True(SecretOutputsBuilder.InStep(new Dictionary<string, byte[]>(rewritten.Data), null, outputs));
    }

    [Fact]
    public void AnUnsupportedProfileIsReportedNotSwallowed() =>
        Assert.Throws<UnsupportedKeystoreProfileException>(() =>
            SecretOutputsBuilder.Build(Material.SecretData(), null, Spec(p12: true, profile: "Modern2099"), new ResolvedKeystorePasswords("pw", null)));
}
