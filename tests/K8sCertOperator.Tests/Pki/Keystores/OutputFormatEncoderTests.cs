using System.Security.Cryptography;
using System.Text;
using K8sCertOperator.Pki;
using K8sCertOperator.Pki.Keystores;

namespace K8sCertOperator.Tests.Pki.Keystores;

public class OutputFormatEncoderTests
{
    [Theory]
    [InlineData("KEY\n", "LEAF\nCA\n", "KEY\nLEAF\nCA\n")]
    [InlineData("KEY", "LEAF\n", "KEY\nLEAF\n")]
    [InlineData("KEY\n", "", "KEY\n")]
    public void CombinedPemIsKeyThenChain(string key, string chain, string expected) =>
        Assert.Equal(expected, Encoding.ASCII.GetString(OutputFormatEncoder.CombinedPem(Encoding.ASCII.GetBytes(key), Encoding.ASCII.GetBytes(chain))));

    [Fact]
    public void CombinedPemOfRealMaterialStartsWithTheKeyAndKeepsTheChainOrder()
    {
        var f = KeystoreFixture.Create();
        var combined = Encoding.ASCII.GetString(OutputFormatEncoder.CombinedPem(f.KeyPem, f.ChainPem));
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", combined, StringComparison.Ordinal);
        Assert.EndsWith(Encoding.ASCII.GetString(f.ChainPem), combined, StringComparison.Ordinal);
        var certificates = new System.Security.Cryptography.X509Certificates.X509Certificate2Collection();
        certificates.ImportFromPem(combined);
        Assert.Equal(2, certificates.Count);
        Assert.Equal("CN=app.example.com", certificates[0].Subject);
    }

    [Theory]
    [InlineData(KeyAlgorithm.Rsa, PrivateKeyEncoding.Pkcs1)]
    [InlineData(KeyAlgorithm.Rsa, PrivateKeyEncoding.Pkcs8)]
    [InlineData(KeyAlgorithm.Ecdsa, PrivateKeyEncoding.Pkcs8)]
    [InlineData(KeyAlgorithm.Ecdsa, PrivateKeyEncoding.Pkcs1)]
    public void KeyDerIsTheDerOfTlsKey(KeyAlgorithm algorithm, PrivateKeyEncoding encoding)
    {
        var f = KeystoreFixture.Create(algorithm, encoding);
        var der = OutputFormatEncoder.KeyDer(f.KeyPem);
        var pem = Encoding.ASCII.GetString(f.KeyPem);
        var fields = PemEncoding.Find(pem);
        Assert.Equal(Convert.FromBase64String(pem[fields.Base64Data]), der);
        using var key = PemCodec.DecodePrivateKey(f.KeyPem);
        var expected = (encoding, algorithm) switch
        {
            (PrivateKeyEncoding.Pkcs8, KeyAlgorithm.Rsa) => key.Rsa!.ExportPkcs8PrivateKey(),
            (PrivateKeyEncoding.Pkcs8, _) => key.Ecdsa!.ExportPkcs8PrivateKey(),
            (_, KeyAlgorithm.Rsa) => key.Rsa!.ExportRSAPrivateKey(),
            _ => key.Ecdsa!.ExportECPrivateKey(),
        };
        Assert.Equal(expected, der);
    }

    [Fact]
    public void KeyDerWithoutPemIsRefused() => Assert.Throws<PemFormatException>(() => OutputFormatEncoder.KeyDer("not pem"u8));
}
