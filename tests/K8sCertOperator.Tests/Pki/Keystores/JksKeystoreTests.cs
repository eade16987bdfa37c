using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Pki;
using K8sCertOperator.Pki.Keystores;

namespace K8sCertOperator.Tests.Pki.Keystores;

public class JksKeystoreTests
{
    [Theory]
    [InlineData(KeyAlgorithm.Rsa, "certificate", "changeit")]
    [InlineData(KeyAlgorithm.Ecdsa, "My-App", "pässwörd")]
    public void KeystoreReadsBackWithOurReader(KeyAlgorithm algorithm, string alias, string password)
    {
        var f = KeystoreFixture.Create(algorithm);
        using var key = PemCodec.DecodePrivateKey(f.KeyPem);
        var chain = PemCodec.DecodeCertificates(f.ChainPem);
        var cas = PemCodec.DecodeCertificates(f.CaPem);
        var jks = JksKeystoreEncoder.EncodeKeystore(key, chain, cas, alias, password);

        Assert.Equal([0xFE, 0xED, 0xFE, 0xED, 0, 0, 0, 2], jks[..8]);
        var entries = JksReader.Read(jks, password);
        Assert.Equal(2, entries.Count);
        var keyEntry = entries[0];
        Assert.True(keyEntry.IsPrivateKey);
        Assert.Equal(alias.ToLowerInvariant(), keyEntry.Alias);
        Assert.Equal(chain.Select(c => c.RawData), keyEntry.CertificateChain);
        var pkcs8 = JksKeyProtector.Recover(keyEntry.ProtectedKey!, password);
        var expected = key.Rsa is { } rsa ? rsa.ExportPkcs8PrivateKey() : key.Ecdsa!.ExportPkcs8PrivateKey();
        Assert.Equal(expected, pkcs8);
        Assert.Equal(new JksEntry("ca", keyEntry.Created, [cas[0].RawData], null).CertificateChain, entries[1].CertificateChain);
        Assert.Equal("ca", entries[1].Alias);
        Assert.False(entries[1].IsPrivateKey);
    }

    [Fact]
    public void WrongPasswordFailsIntegrityAndKeyRecovery()
    {
        var f = KeystoreFixture.Create();
        using var key = PemCodec.DecodePrivateKey(f.KeyPem);
        var jks = JksKeystoreEncoder.EncodeKeystore(key, PemCodec.DecodeCertificates(f.ChainPem), [], "certificate", "right");
        Assert.Throws<CryptographicException>(() => JksReader.Read(jks, "wrong"));
        var entry = Assert.Single(JksReader.Read(jks, password: null));
        Assert.Throws<CryptographicException>(() => JksKeyProtector.Recover(entry.ProtectedKey!, "wrong"));
    }

    [Fact]
    public void TruststoreHoldsTheCasAsTrustedEntries()
    {
        var f = KeystoreFixture.Create();
        var cas = PemCodec.DecodeCertificates(f.ChainPem); // two certificates: "ca" and "ca-1"
        var entries = JksReader.Read(JksKeystoreEncoder.EncodeTruststore(cas, "pw"), "pw");
        Assert.Equal(["ca", "ca-1"], entries.Select(e => e.Alias));
        Assert.All(entries, e => Assert.False(e.IsPrivateKey));
    }

    [Theory]
    [InlineData(new byte[] { 0xFE, 0xED })]
    [InlineData(new byte[] { 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20 })]
    public void GarbageIsAFormatError(byte[] bytes) => Assert.Throws<FormatException>(() => JksReader.Read(bytes, password: null));

    [Fact]
    public void KeyProtectorRoundTripsEveryLength()
    {
        var salt = new byte[20];
        for (var length = 0; length <= 61; length++)
        {
            var plain = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
            Assert.Equal(plain, JksKeyProtector.Recover(JksKeyProtector.Protect(plain, "pw", salt), "pw"));
        }
    }

    [SkippableFact]
    public async Task KeytoolListsTheKeyEntryAndReadsTheKey()
    {
        Skip.If(Keytool.MissingReason is not null, Keytool.MissingReason);
        var f = KeystoreFixture.Create(KeyAlgorithm.Rsa);
        using var key = PemCodec.DecodePrivateKey(f.KeyPem);
        var jks = JksKeystoreEncoder.EncodeKeystore(key, PemCodec.DecodeCertificates(f.ChainPem), PemCodec.DecodeCertificates(f.CaPem), "certificate", "changeit");
        var dir = Directory.CreateTempSubdirectory("jks-");
        try
        {
            var path = Path.Combine(dir.FullName, "keystore.jks");
            await File.WriteAllBytesAsync(path, jks, CancellationToken.None);
            var (code, output) = await Keytool.RunAsync(CancellationToken.None, "-list", "-v", "-keystore", path, "-storepass", "changeit");
            Assert.True(code == 0, output);
            Assert.Contains("Keystore type: JKS", output, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("Alias name: certificate", output, StringComparison.Ordinal);
            Assert.Contains("Entry type: PrivateKeyEntry", output, StringComparison.Ordinal);
            Assert.Contains("Certificate chain length: 2", output, StringComparison.Ordinal);
            Assert.Contains("Alias name: ca", output, StringComparison.Ordinal);
            Assert.Contains("trustedCertEntry", output, StringComparison.Ordinal);

            // Converting to PKCS#12 makes keytool decrypt the key entry: proves the key protector, not just the listing.
            var p12 = Path.Combine(dir.FullName, "converted.p12");
            (code, output) = await Keytool.RunAsync(CancellationToken.None, "-importkeystore", "-noprompt", "-srckeystore", path, "-srcstoretype", "JKS",
                "-srcstorepass", "changeit", "-destkeystore", p12, "-deststoretype", "PKCS12", "-deststorepass", "changeit");
            Assert.True(code == 0, output);
            var converted = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12Collection(await File.ReadAllBytesAsync(p12, CancellationToken.None), "changeit");
            using var rsa = converted.Single(c => c.HasPrivateKey).GetRSAPrivateKey()!;
            Assert.Equal(key.Rsa!.ExportParameters(false).Modulus, rsa.ExportParameters(false).Modulus);

            (code, output) = await Keytool.RunAsync(CancellationToken.None, "-list", "-keystore", path, "-storepass", "wrong");
            Assert.NotEqual(0, code);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
