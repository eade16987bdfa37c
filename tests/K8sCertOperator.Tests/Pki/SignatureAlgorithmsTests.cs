using System.Security.Cryptography;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

public class SignatureAlgorithmsTests
{
    [Theory]
    [InlineData(null, KeyAlgorithm.Rsa, null, null)]
    [InlineData("SHA256WithRSA", KeyAlgorithm.Rsa, "SHA256", null)]
    [InlineData("SHA384WithRSA", KeyAlgorithm.Rsa, "SHA384", null)]
    [InlineData("SHA512WithRSA", KeyAlgorithm.Rsa, "SHA512", null)]
    [InlineData("ECDSAWithSHA256", KeyAlgorithm.Ecdsa, "SHA256", null)]
    [InlineData("ECDSAWithSHA384", KeyAlgorithm.Ecdsa, "SHA384", null)]
    [InlineData("ECDSAWithSHA512", KeyAlgorithm.Ecdsa, "SHA512", null)]
    [InlineData("SHA256WithRSA", KeyAlgorithm.Ecdsa, null, "needs an RSA key, the signing key is an ECDSA")]
    [InlineData("ECDSAWithSHA384", KeyAlgorithm.Rsa, null, "needs an ECDSA key, the signing key is an RSA")]
    [InlineData("PureEd25519", KeyAlgorithm.Rsa, null, "needs an Ed25519 key")]
    [InlineData("PureEd25519", KeyAlgorithm.Ed25519, null, "not supported")]
    [InlineData("MD5WithRSA", KeyAlgorithm.Rsa, null, "is not one of")]
    public void ResolvesAgainstTheSigningKey(string? name, KeyAlgorithm key, string? expectedHash, string? expectedError)
    {
        var (hash, error) = SignatureAlgorithms.Resolve(name, key);
        Assert.Equal(expectedHash, hash?.Name);
        if (expectedError is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.Contains(expectedError, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SelfSignedCertificateUsesTheRequestedHash()
    {
        using var key = CertificateKey.FromRsa(RSA.Create(2048));
        var issued = SelfSignedIssuer.Issue(key, new CertificateTemplate { CommonName = "sig", SignatureAlgorithm = "SHA512WithRSA" }, TimeSpan.FromDays(1), DateTimeOffset.UtcNow);
        using var cert = PemCodec.DecodeCertificates(issued.CertificatePem)[0];
        Assert.Equal("1.2.840.113549.1.1.13", cert.SignatureAlgorithm.Value); // sha512WithRSAEncryption
    }

    [Fact]
    public void MismatchedAlgorithmIsRefused()
    {
        using var key = CertificateKey.FromEcdsa(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var e = Assert.Throws<InvalidCertificateTemplateException>(() =>
            SelfSignedIssuer.Issue(key, new CertificateTemplate { CommonName = "sig", SignatureAlgorithm = "SHA256WithRSA" }, TimeSpan.FromDays(1), DateTimeOffset.UtcNow));
        Assert.Contains("needs an RSA key", e.Message, StringComparison.Ordinal);
    }
}
