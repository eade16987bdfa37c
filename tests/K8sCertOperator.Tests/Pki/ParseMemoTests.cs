using System.Security.Cryptography.X509Certificates;
using System.Text;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Pki;

/// <summary>
/// The parse memo and the parses that use it: equal bytes give the very same result, different bytes never share
/// one, and a failure is raised again on every call (never remembered).
/// </summary>
public class ParseMemoTests
{
    [Fact]
    public void DigestSeparatesInputsByLength()
    {
        Assert.Equal(ParseDigest.Of("abc"u8), ParseDigest.Of("abc"u8));
        Assert.Equal(ParseDigest.Of("abc"u8), ParseDigest.Of("abc"u8, default));
        Assert.NotEqual(ParseDigest.Of("ab"u8, "c"u8), ParseDigest.Of("a"u8, "bc"u8));
        Assert.NotEqual(ParseDigest.Of("abc"u8), ParseDigest.Of("abd"u8));
    }

    [Fact]
    public void KeepsTheFirstResultForADigestAndWhatIsInUseWithinItsCapacity()
    {
        ParseDigest D(string s) => ParseDigest.Of(System.Text.Encoding.ASCII.GetBytes(s));
        var memo = new ParseMemo<string>(capacity: 4);
        Assert.False(memo.TryGet(D("a"), out _));
        Assert.Equal("a", memo.Remember(D("a"), "a"));
        Assert.Equal("a", memo.Remember(D("a"), "second"));
        memo.Remember(D("b"), "b");
        memo.Remember(D("c"), "c");      // the young generation (2) was full: a and b are now the old one
        Assert.True(memo.TryGet(D("a"), out var a)); // a hit in the old generation brings a back
        Assert.Equal("a", a);
        memo.Remember(D("d"), "d");      // young {c, a} becomes old; b, used least recently, is gone
        Assert.False(memo.TryGet(D("b"), out _));
        Assert.True(memo.TryGet(D("a"), out _));
        Assert.True(memo.TryGet(D("c"), out _));
        Assert.True(memo.Count <= 4);
    }

    [Fact]
    public void CertificateFactsAreReadOncePerChainWhateverItsForm()
    {
        var (pem, key) = TestPki.RootCa("Memo Chain " + Guid.NewGuid());
        using (key)
        {
            var fromText = CertificateInfo.FromPem(pem);
            Assert.Same(fromText, CertificateInfo.FromPem(Encoding.UTF8.GetBytes(pem)));
            Assert.Equal(key.ExportSubjectPublicKeyInfo(), fromText.SubjectPublicKeyInfo);
        }
    }

    [Fact]
    public void AChainThatDoesNotLoadFailsEveryTime()
    {
        var garbage = "-----BEGIN CERTIFICATE-----\n" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + "\n-----END CERTIFICATE-----\n";
        Assert.Throws<PemFormatException>(() => CertificateInfo.FromPem(garbage));
        Assert.Throws<PemFormatException>(() => CertificateInfo.FromPem(garbage));
    }

    [Fact]
    public void ARequestIsVerifiedOnceAndATamperedOneAlwaysFails()
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var der = CsrBuilder.BuildDer(key, new CertificateTemplate { DnsNames = [$"{Guid.NewGuid():N}.example"] });
        Assert.Same(CsrParser.ParseDer(der), CsrParser.ParseDer(der.ToArray()));

        var tampered = der.ToArray();
        tampered[^1] ^= 0x01;
        Assert.Throws<PemFormatException>(() => CsrParser.ParseDer(tampered));
        Assert.Throws<PemFormatException>(() => CsrParser.ParseDer(tampered));
    }

    [Fact]
    public void SecretMaterialIsSharedForEqualDataAndNotAcrossKeys()
    {
        var (pem, key) = TestPki.RootCa("Memo Secret " + Guid.NewGuid());
        using (key)
        {
            using var other = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
            Dictionary<string, byte[]> Data(CertificateKey k) => new()
            {
                [SecretKeys.TlsCertificate] = Encoding.ASCII.GetBytes(pem),
                [SecretKeys.TlsPrivateKey] = Encoding.ASCII.GetBytes(k.ExportPem(PrivateKeyEncoding.Pkcs8)),
            };

            var matching = SecretMaterial.Parse(Data(key));
            Assert.True(matching.KeyMatchesCertificate);
            Assert.Same(matching, SecretMaterial.Parse(Data(key)));

            var mismatched = SecretMaterial.Parse(Data(other));
            Assert.False(mismatched.KeyMatchesCertificate);
            Assert.Same(matching.Certificate, mismatched.Certificate);
        }
    }

    [Fact]
    public void EqualKeysOfAnAlgorithmWeDoNotSignWithNeverMatch()
    {
        // An Ed25519 SubjectPublicKeyInfo: equal bytes, but not a key the operator issues for.
        byte[] spki = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00, .. new byte[32]];
        var ed = PublicKey.CreateFromSubjectPublicKeyInfo(spki, out _);
        Assert.False(PublicKeyMatch.Same(ed, PublicKey.CreateFromSubjectPublicKeyInfo(spki, out _)));

        using var ec = TestPki.Ec();
        Assert.True(PublicKeyMatch.Same(ec.GetPublicKey(), PublicKey.CreateFromSubjectPublicKeyInfo(ec.ExportSubjectPublicKeyInfo(), out _)));
    }
}
