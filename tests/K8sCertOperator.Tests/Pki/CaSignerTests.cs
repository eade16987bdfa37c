using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

public class CaSignerTests
{
    private static readonly CertificateTemplate LeafTemplate = new()
    {
        CommonName = "app.example.com",
        DnsNames = ["app.example.com"],
        Usages = ["digital signature", "server auth"],
    };

    [Fact]
    public void SignsLeafWithRootCa()
    {
        var (rootPem, rootKey) = TestPki.RootCa("Signer Root");
        using (rootKey)
        using (var signer = CaSigner.FromPem(rootPem, rootKey.ExportPem(PrivateKeyEncoding.Pkcs8), TestPki.Now))
        using (var leafKey = TestPki.Rsa())
        {
            var issued = signer.Sign(LeafTemplate, leafKey, TimeSpan.FromDays(30), TestPki.Now);

            // Root is self-signed, so (like cert-manager) tls.crt holds only the leaf and ca.crt the root.
            var chain = PemCodec.DecodeCertificates(issued.CertificatePem);
            var leaf = Assert.Single(chain);
            Assert.Equal(PemCodec.EncodeCertificate(signer.Certificate), issued.CaPem);
            Assert.True(leafKey.PublicKeyMatches(leaf));

            var info = CertificateInfo.FromCertificate(leaf);
            Assert.Equal("app.example.com", info.CommonName);
            Assert.Equal("Signer Root", info.IssuerCommonName);
            Assert.Equal(TestPki.Now, info.NotBefore);
            Assert.Equal(TestPki.Now.AddDays(30), info.NotAfter);
            Assert.False(info.IsCA);

            var root = TestPki.Single(issued.CaPem);
            Assert.True(ChainVerifier.Verify(leaf, [], [root], TestPki.Now.AddDays(1)).Ok);
        }
    }

    [Fact]
    public void IntermediateChainGoesIntoTlsCrtAndRootIntoCaCrt()
    {
        var (rootPem, rootKey) = TestPki.RootCa("Chain Root");
        using var root = CaSigner.FromPem(rootPem, rootKey.ExportPem(PrivateKeyEncoding.Pkcs1), TestPki.Now);
        using var intermediateKey = TestPki.Ec();
        var intermediate = root.Sign(new CertificateTemplate { CommonName = "Chain Intermediate", IsCA = true }, intermediateKey, TimeSpan.FromDays(100), TestPki.Now);
        rootKey.Dispose();

        // The intermediate's Secret: tls.crt is [intermediate] (root omitted), so append the root like an operator would.
        using var signer = CaSigner.FromPem(intermediate.CertificatePem + rootPem, intermediateKey.ExportPem(PrivateKeyEncoding.Pkcs1), TestPki.Now);
        using var leafKey = TestPki.Ec();
        var issued = signer.Sign(LeafTemplate, leafKey, TimeSpan.FromDays(10), TestPki.Now);

        var chain = PemCodec.DecodeCertificates(issued.CertificatePem);
        Assert.Equal(2, chain.Count);
        Assert.Equal("CN=Chain Intermediate", chain[1].Subject);
        Assert.Equal("CN=Chain Root", TestPki.Single(issued.CaPem).Subject);

        var leafInfo = CertificateInfo.FromCertificate(chain[0]);
        var ski = chain[1].Extensions.OfType<X509SubjectKeyIdentifierExtension>().Single();
        Assert.Equal(Convert.FromHexString(ski.SubjectKeyIdentifier!), leafInfo.AuthorityKeyIdentifier);

        Assert.True(ChainVerifier.Verify(chain[0], chain.Skip(1), [TestPki.Single(issued.CaPem)], TestPki.Now.AddDays(1)).Ok);
    }

    [Fact]
    public void NotAfterIsClippedToTheCaNotAfter()
    {
        var (rootPem, rootKey) = TestPki.RootCa();
        using (rootKey)
        using (var signer = CaSigner.FromPem(rootPem, rootKey.ExportPem(PrivateKeyEncoding.Pkcs1), TestPki.Now))
        using (var leafKey = TestPki.Ec())
        {
            var issued = signer.Sign(LeafTemplate, leafKey, TimeSpan.FromDays(5000), TestPki.Now);
            var leaf = CertificateInfo.FromCertificate(TestPki.Single(issued.CertificatePem));
            Assert.Equal(TestPki.Now.AddDays(365), leaf.NotAfter);
        }
    }

    [Fact]
    public void RejectsNonCaCertificate()
    {
        using var key = TestPki.Ec();
        var leaf = SelfSignedIssuer.Issue(key, LeafTemplate, TimeSpan.FromDays(1), TestPki.Now);
        var ex = Assert.Throws<CaCertificateException>(() => CaSigner.FromPem(leaf.CertificatePem, key.ExportPem(PrivateKeyEncoding.Pkcs1), TestPki.Now));
        Assert.Contains("CA=true", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsCaWithoutKeyCertSign()
    {
        using var ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=No Sign CA", ec, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        using var cert = request.CreateSelfSigned(TestPki.Now, TestPki.Now.AddDays(10));
        var key = CertificateKey.FromEcdsa(ECDsa.Create(ec.ExportParameters(true)));
        using (key)
        {
            var ex = Assert.Throws<CaCertificateException>(() => CaSigner.Create([cert], key, TestPki.Now));
            Assert.Contains("keyCertSign", ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RejectsMismatchedKeyAndExpiredCa()
    {
        var (rootPem, rootKey) = TestPki.RootCa();
        using (rootKey)
        using (var other = TestPki.Ec())
        {
            var mismatch = Assert.Throws<CaCertificateException>(() => CaSigner.FromPem(rootPem, other.ExportPem(PrivateKeyEncoding.Pkcs8), TestPki.Now));
            Assert.Contains("does not match", mismatch.Message, StringComparison.Ordinal);

            var expired = Assert.Throws<CaCertificateException>(() => CaSigner.FromPem(rootPem, rootKey.ExportPem(PrivateKeyEncoding.Pkcs8), TestPki.Now.AddDays(400)));
            Assert.Contains("expired", expired.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void InvalidTemplateAndDurationRejected()
    {
        var (rootPem, rootKey) = TestPki.RootCa();
        using (rootKey)
        using (var signer = CaSigner.FromPem(rootPem, rootKey.ExportPem(PrivateKeyEncoding.Pkcs1), TestPki.Now))
        using (var leafKey = TestPki.Ec())
        {
            Assert.Throws<InvalidCertificateTemplateException>(() => signer.Sign(new CertificateTemplate { DnsNames = ["-bad-"] }, leafKey, TimeSpan.FromDays(1), TestPki.Now));
            Assert.Throws<InvalidCertificateTemplateException>(() => signer.Sign(LeafTemplate, leafKey, TimeSpan.Zero, TestPki.Now));
        }
    }
}
