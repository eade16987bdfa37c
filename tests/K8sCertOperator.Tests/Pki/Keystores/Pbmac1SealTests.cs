using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Pki;
using K8sCertOperator.Pki.Keystores;
using K8sCertOperator.TestSupport;

namespace K8sCertOperator.Tests.Pki.Keystores;

/// <summary>
/// The Modern2026 PKCS#12 profile: RFC 9579's known answer, the MacData's OIDs read independently, the bags decrypted
/// by the BCL, and the file read by a real PBMAC1 reader (OpenSSL 3.4+).
/// </summary>
public class Pbmac1SealTests
{
    private const string Password = "s3cret-Ä";
    private const string Sha256HmacOid = "1.2.840.113549.2.9";

    [Fact]
    public void TheMacOfRfc9579AppendixA1IsReproduced()
    {
        var vector = PfxMacData.Read(Rfc9579Vectors.A1);
        Assert.Equal(Pbmac1Seal.Pbmac1Oid, vector.MacAlgorithm);

        var mac = Pbmac1Seal.ComputeMac(vector.Content, Rfc9579Vectors.Password, vector.Salt, vector.Iterations, vector.KeyLength!.Value);

        Assert.Equal(Convert.ToHexString(vector.Mac), Convert.ToHexString(mac));
        Assert.NotEqual(Convert.ToHexString(vector.Mac), Convert.ToHexString(
            Pbmac1Seal.ComputeMac(vector.Content, "1235", vector.Salt, vector.Iterations, vector.KeyLength.Value)));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Modern2026NamesPbmac1WithPbkdf2AndHmacSha256AndItsMacVerifies(bool keystore)
    {
        var p12 = Encode(KeystoreFixture.Create(), keystore, Password);

        var macData = PfxMacData.Read(p12);
        Assert.Equal(("PBMAC1", "PBES2", Pkcs12Profiles.Modern2026), Pkcs12ProfileReader.Read(p12));

        Assert.Equal("1.2.840.113549.1.5.14", macData.MacAlgorithm);
        Assert.Equal("1.2.840.113549.1.5.12", macData.KeyDerivation);
        Assert.Equal(Sha256HmacOid, macData.Prf);
        Assert.Equal(Sha256HmacOid, macData.MessageAuthScheme);
        Assert.Equal(32, macData.KeyLength);
        Assert.Equal(16, macData.Salt.Length);
        Assert.Equal(2048, macData.Iterations);
        Assert.Equal("NOT USED", Encoding.ASCII.GetString(macData.LegacyMacSalt));
        Assert.Equal(1, macData.LegacyIterations);
        var expected = HMACSHA256.HashData(
            Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(Password), macData.Salt, macData.Iterations, HashAlgorithmName.SHA256, 32), macData.Content);
        Assert.Equal(expected, macData.Mac);
    }

    [Fact]
    public void Modern2026BagsAreTheModern2023EncryptionAndHoldTheKeyAndChain()
    {
        var f = KeystoreFixture.Create(KeyAlgorithm.Rsa);
        using var key = PemCodec.DecodePrivateKey(f.KeyPem);
        var chain = PemCodec.DecodeCertificates(f.ChainPem);
        var p12 = Pkcs12KeystoreEncoder.EncodeKeystore(key, chain, Password, Pkcs12Profiles.Modern2026);

        var info = Pkcs12Info.Decode(PfxMacData.Read(p12).Unsealed(), out _, skipCopy: true);
        var plain = Assert.Single(info.AuthenticatedSafe, s => s.ConfidentialityMode == Pkcs12ConfidentialityMode.None);
        var encrypted = Assert.Single(info.AuthenticatedSafe, s => s.ConfidentialityMode == Pkcs12ConfidentialityMode.Password);
        encrypted.Decrypt(Password);
        var certificates = encrypted.GetBags().OfType<Pkcs12CertBag>().Select(b => b.GetCertificate().RawData).ToList();
        Assert.Equal(chain.Select(c => c.RawData), certificates);
        var shrouded = Assert.IsType<Pkcs12ShroudedKeyBag>(plain.GetBags().Single());
        using var rsa = RSA.Create();
        rsa.ImportEncryptedPkcs8PrivateKey(Password, shrouded.EncryptedPkcs8PrivateKey.Span, out _);
        Assert.Equal(key.Rsa!.ExportParameters(false).Modulus, rsa.ExportParameters(false).Modulus);
        Assert.Equal("1.2.840.113549.1.5.13", PbesAlgorithm(shrouded.EncryptedPkcs8PrivateKey));
    }

    [SkippableFact]
    public async Task ARealPbmac1ReaderLoadsTheKeystoreAndRefusesAWrongPassword()
    {
        var missing = await Pbmac1Reader.MissingReasonAsync();
        Skip.If(missing is not null, missing);
        var p12 = Encode(KeystoreFixture.Create(), keystore: true, Password);

        var (loaded, output) = await Pbmac1Reader.LoadKeyAndChainAsync(p12, Password, CancellationToken.None);
        Assert.True(loaded, output);
        var (wrong, refusal) = await Pbmac1Reader.LoadKeyAndChainAsync(p12, "wrong", CancellationToken.None);
        Assert.False(wrong, refusal);
        Assert.Contains("mac verify failure", refusal, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task ARealPbmac1ReaderReadsTheTruststoreAndRefusesAWrongPassword()
    {
        var missing = await Pbmac1Reader.MissingReasonAsync();
        Skip.If(missing is not null, missing);
        var p12 = Encode(KeystoreFixture.Create(), keystore: false, Password);

        var (read, output) = await Pbmac1Reader.ReadAsync(p12, Password, holdsKey: false, CancellationToken.None);
        Assert.True(read, output);
        var (wrong, refusal) = await Pbmac1Reader.ReadAsync(p12, "wrong", holdsKey: false, CancellationToken.None);
        Assert.False(wrong, refusal);
        Assert.Contains("mac verify failure", refusal, StringComparison.Ordinal);
    }

    private static byte[] Encode(KeystoreFixture f, bool keystore, string password)
    {
        if (!keystore)
        {
            return Pkcs12KeystoreEncoder.EncodeTruststore(PemCodec.DecodeCertificates(f.CaPem), password, Pkcs12Profiles.Modern2026);
        }

        using var key = PemCodec.DecodePrivateKey(f.KeyPem);
        return Pkcs12KeystoreEncoder.EncodeKeystore(key, PemCodec.DecodeCertificates(f.ChainPem), password, Pkcs12Profiles.Modern2026);
    }

    private static string PbesAlgorithm(ReadOnlyMemory<byte> encryptedPkcs8)
    {
        var info = new System.Formats.Asn1.AsnReader(encryptedPkcs8, System.Formats.Asn1.AsnEncodingRules.BER).ReadSequence();
        return info.ReadSequence().ReadObjectIdentifier();
    }
}
