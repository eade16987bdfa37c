using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Api;
using K8sCertOperator.Pki;
using K8sCertOperator.Pki.Keystores;

namespace K8sCertOperator.Tests.Pki.Keystores;

public class Pkcs12KeystoreEncoderTests
{
    private const string Password = "s3cret-Ä";

    public static TheoryData<string, string, string> Profiles => new()
    {
        // profile, MAC, certificate bag encryption (as Pkcs12ProfileReader names their OIDs)
        { Pkcs12Profiles.LegacyRC2, "HMAC-SHA-1", "pbeWithSHAAnd40BitRC2-CBC" },
        { Pkcs12Profiles.LegacyDES, "HMAC-SHA-1", "pbeWithSHAAnd3-KeyTripleDES-CBC" },
        { Pkcs12Profiles.Modern2023, "HMAC-SHA-256", "PBES2" },
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void KeystoreReadsBackWithTheBclUnderEachProfile(string profile, string mac, string encryption)
    {
        var f = KeystoreFixture.Create(KeyAlgorithm.Rsa);
        using var key = PemCodec.DecodePrivateKey(f.KeyPem);
        var chain = PemCodec.DecodeCertificates(f.ChainPem);
        var p12 = Pkcs12KeystoreEncoder.EncodeKeystore(key, chain, Password, profile);

        var info = Pkcs12Info.Decode(p12, out _, skipCopy: true);
        Assert.Equal(Pkcs12IntegrityMode.Password, info.IntegrityMode);
        Assert.True(info.VerifyMac(Password));
        Assert.False(info.VerifyMac("wrong"));
        Assert.Single(info.AuthenticatedSafe, s => s.ConfidentialityMode == Pkcs12ConfidentialityMode.Password);
        Assert.Equal((mac, encryption, profile), Pkcs12ProfileReader.Read(p12));

        var loaded = X509CertificateLoader.LoadPkcs12Collection(p12, Password);
        Assert.Equal(2, loaded.Count);
        var leaf = loaded.Single(c => c.HasPrivateKey);
        Assert.Equal(chain[0].Thumbprint, leaf.Thumbprint);
        using var rsa = leaf.GetRSAPrivateKey()!;
        Assert.Equal(key.Rsa!.ExportParameters(false).Modulus, rsa.ExportParameters(false).Modulus);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void TruststoreHoldsOnlyTheCaMarkedTrusted(string profile, string mac, string encryption)
    {
        var f = KeystoreFixture.Create();
        var cas = PemCodec.DecodeCertificates(f.CaPem);
        var p12 = Pkcs12KeystoreEncoder.EncodeTruststore(cas, Password, profile);
        Assert.Equal((mac, encryption, profile), Pkcs12ProfileReader.Read(p12));
        var info = Pkcs12Info.Decode(p12, out _, skipCopy: true);
        var contents = info.AuthenticatedSafe.Single(c => c.ConfidentialityMode == Pkcs12ConfidentialityMode.Password);
        contents.Decrypt(Password);
        var bag = Assert.IsType<Pkcs12CertBag>(contents.GetBags().Single());
        Assert.Equal(cas[0].RawData, bag.GetCertificate().RawData);
        Assert.Contains(bag.Attributes.Cast<CryptographicAttributeObject>(), a => a.Oid.Value == "2.16.840.1.113894.746875.1.1");
    }

    [Theory]
    [InlineData("Nope")]
    [InlineData("modern2026")]
    public void UnknownProfilesAreRefusedWithAMessage(string profile)
    {
        var e = Assert.Throws<UnsupportedKeystoreProfileException>(() => Pkcs12KeystoreEncoder.Algorithms(profile));
        Assert.Contains(profile, e.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(Pkcs12Profiles.LegacyRC2)]
    [InlineData(Pkcs12Profiles.LegacyDES)]
    [InlineData(Pkcs12Profiles.Modern2023)]
    public async Task OpenSslReadsTheKeystore(string profile)
    {
        Skip.If(OpenSsl.MissingReason is not null, OpenSsl.MissingReason);
        var f = KeystoreFixture.Create();
        using var key = PemCodec.DecodePrivateKey(f.KeyPem);
        var p12 = Pkcs12KeystoreEncoder.EncodeKeystore(key, PemCodec.DecodeCertificates(f.ChainPem), "pw", profile);
        var dir = Directory.CreateTempSubdirectory("p12-");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "keystore.p12"), p12, CancellationToken.None);
            // OpenSSL 3 keeps RC2 in its legacy provider.
            string[] legacy = profile == Pkcs12Profiles.LegacyRC2 ? ["-legacy"] : [];
            var (code, output) = await OpenSsl.RunAsync(dir.FullName, CancellationToken.None,
                ["pkcs12", "-info", "-in", "keystore.p12", "-passin", "pass:pw", "-noout", .. legacy]);
            Assert.True(code == 0, output);
            var (badCode, _) = await OpenSsl.RunAsync(dir.FullName, CancellationToken.None,
                ["pkcs12", "-info", "-in", "keystore.p12", "-passin", "pass:wrong", "-noout", .. legacy]);
            Assert.NotEqual(0, badCode);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
