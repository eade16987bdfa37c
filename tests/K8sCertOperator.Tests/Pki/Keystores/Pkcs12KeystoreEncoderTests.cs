using System.Formats.Asn1;
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
        // profile, MAC digest OID, bag encryption OID
        { Pkcs12Profiles.LegacyRC2, "1.3.14.3.2.26", "1.2.840.113549.1.12.1.6" },
        { Pkcs12Profiles.LegacyDES, "1.3.14.3.2.26", "1.2.840.113549.1.12.1.3" },
        { Pkcs12Profiles.Modern2023, "2.16.840.1.101.3.4.2.1", "1.2.840.113549.1.5.13" },
    };

    [Theory]
    [MemberData(nameof(Profiles))]
    public void KeystoreReadsBackWithTheBclUnderEachProfile(string profile, string macOid, string encryptionOid)
    {
        var f = KeystoreFixture.Create(KeyAlgorithm.Rsa);
        using var key = PemCodec.DecodePrivateKey(f.KeyPem);
        var chain = PemCodec.DecodeCertificates(f.ChainPem);
        var p12 = Pkcs12KeystoreEncoder.EncodeKeystore(key, chain, Password, profile);

        var info = Pkcs12Info.Decode(p12, out _, skipCopy: true);
        Assert.Equal(Pkcs12IntegrityMode.Password, info.IntegrityMode);
        Assert.True(info.VerifyMac(Password));
        Assert.False(info.VerifyMac("wrong"));
        Assert.Equal(macOid, MacDigestOid(p12));
        Assert.Single(info.AuthenticatedSafe, s => s.ConfidentialityMode == Pkcs12ConfidentialityMode.Password);
        Assert.Equal(encryptionOid, EncryptedContentAlgorithmOid(p12));

        var loaded = X509CertificateLoader.LoadPkcs12Collection(p12, Password);
        Assert.Equal(2, loaded.Count);
        var leaf = loaded.Single(c => c.HasPrivateKey);
        Assert.Equal(chain[0].Thumbprint, leaf.Thumbprint);
        using var rsa = leaf.GetRSAPrivateKey()!;
        Assert.Equal(key.Rsa!.ExportParameters(false).Modulus, rsa.ExportParameters(false).Modulus);
    }

    [Theory]
    [MemberData(nameof(Profiles))]
    public void TruststoreHoldsOnlyTheCaMarkedTrusted(string profile, string macOid, string encryptionOid)
    {
        _ = encryptionOid;
        var f = KeystoreFixture.Create();
        var cas = PemCodec.DecodeCertificates(f.CaPem);
        var p12 = Pkcs12KeystoreEncoder.EncodeTruststore(cas, Password, profile);
        Assert.Equal(macOid, MacDigestOid(p12));
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

    private static string MacDigestOid(byte[] pfx)
    {
        var pfxSeq = new AsnReader(pfx, AsnEncodingRules.BER).ReadSequence();
        pfxSeq.ReadInteger();
        pfxSeq.ReadEncodedValue();
        var macData = pfxSeq.ReadSequence();
        var digestInfo = macData.ReadSequence();
        return digestInfo.ReadSequence().ReadObjectIdentifier();
    }

    // PFX -> authSafe (id-data) -> AuthenticatedSafe -> the id-encryptedData ContentInfo -> its algorithm OID.
    private static string EncryptedContentAlgorithmOid(byte[] pfx)
    {
        var pfxSeq = new AsnReader(pfx, AsnEncodingRules.BER).ReadSequence();
        pfxSeq.ReadInteger();
        var authSafe = pfxSeq.ReadSequence();
        authSafe.ReadObjectIdentifier();
        var data = authSafe.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadOctetString();
        var safes = new AsnReader(data, AsnEncodingRules.BER).ReadSequence();
        while (safes.HasData)
        {
            var contentInfo = safes.ReadSequence();
            if (contentInfo.ReadObjectIdentifier() != "1.2.840.113549.1.7.6")
            {
                continue;
            }

            var encryptedData = contentInfo.ReadSequence(new Asn1Tag(TagClass.ContextSpecific, 0)).ReadSequence();
            encryptedData.ReadInteger();
            var encryptedContentInfo = encryptedData.ReadSequence();
            encryptedContentInfo.ReadObjectIdentifier();
            return encryptedContentInfo.ReadSequence().ReadObjectIdentifier();
        }

        return "";
    }
}
