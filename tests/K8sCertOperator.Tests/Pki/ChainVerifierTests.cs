using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

public class ChainVerifierTests
{
    private sealed record Pki(string RootPem, string IntermediatePem, string LeafPem);

    private static readonly Lazy<Pki> Material = new(() =>
    {
        var (rootPem, rootKey) = TestPki.RootCa("Verify Root");
        using (rootKey)
        using (var root = CaSigner.FromPem(rootPem, rootKey.ExportPem(PrivateKeyEncoding.Pkcs1), TestPki.Now))
        using (var intermediateKey = TestPki.Ec())
        using (var leafKey = TestPki.Ec())
        {
            var intermediate = root.Sign(new CertificateTemplate { CommonName = "Verify Intermediate", IsCA = true }, intermediateKey, TimeSpan.FromDays(100), TestPki.Now);
            using var signer = CaSigner.FromPem(intermediate.CertificatePem, intermediateKey.ExportPem(PrivateKeyEncoding.Pkcs1), TestPki.Now);
            var leaf = signer.Sign(new CertificateTemplate { DnsNames = ["v.example.com"] }, leafKey, TimeSpan.FromDays(10), TestPki.Now);
            return new Pki(rootPem, intermediate.CertificatePem, PemCodec.DecodeCertificates(leaf.CertificatePem).Select(PemCodec.EncodeCertificate).First());
        }
    });

    private static readonly DateTimeOffset During = TestPki.Now.AddDays(1);

    [Fact]
    public void FullChainVerifies()
    {
        var m = Material.Value;
        var result = ChainVerifier.Verify(TestPki.Single(m.LeafPem), [TestPki.Single(m.IntermediatePem)], [TestPki.Single(m.RootPem)], During);
        Assert.True(result.Ok, result.Error);
        Assert.Null(result.Error);
    }

    [Fact]
    public void LeafRepeatedInIntermediatesIsHarmless()
    {
        var m = Material.Value;
        var chain = PemCodec.DecodeCertificates(m.LeafPem + m.IntermediatePem + m.RootPem);
        Assert.True(ChainVerifier.Verify(chain[0], chain, [TestPki.Single(m.RootPem)], During).Ok);
    }

    [Fact]
    public void MissingIntermediateFails()
    {
        var m = Material.Value;
        var result = ChainVerifier.Verify(TestPki.Single(m.LeafPem), [], [TestPki.Single(m.RootPem)], During);
        Assert.False(result.Ok);
        Assert.StartsWith("chain verification failed", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void WrongRootFails()
    {
        var m = Material.Value;
        var (otherRoot, otherKey) = TestPki.RootCa("Verify Root");
        otherKey.Dispose();
        var result = ChainVerifier.Verify(TestPki.Single(m.LeafPem), [TestPki.Single(m.IntermediatePem)], [TestPki.Single(otherRoot)], During);
        Assert.False(result.Ok);
    }

    [Fact]
    public void ExpiredLeafFails()
    {
        var m = Material.Value;
        var result = ChainVerifier.Verify(TestPki.Single(m.LeafPem), [TestPki.Single(m.IntermediatePem)], [TestPki.Single(m.RootPem)], TestPki.Now.AddDays(20));
        Assert.False(result.Ok);
        Assert.Contains("NotTimeValid", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void NoRootsFails()
    {
        var m = Material.Value;
        Assert.False(ChainVerifier.Verify(TestPki.Single(m.LeafPem), [], [], During).Ok);
    }
}
