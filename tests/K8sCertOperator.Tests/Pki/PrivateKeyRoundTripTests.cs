using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

public class PrivateKeyRoundTripTests
{
    public static TheoryData<KeyAlgorithm, int, PrivateKeyEncoding, string> Cases => new()
    {
        { KeyAlgorithm.Rsa, 2048, PrivateKeyEncoding.Pkcs1, "RSA PRIVATE KEY" },
        { KeyAlgorithm.Rsa, 2048, PrivateKeyEncoding.Pkcs8, "PRIVATE KEY" },
        { KeyAlgorithm.Rsa, 3072, PrivateKeyEncoding.Pkcs1, "RSA PRIVATE KEY" },
        { KeyAlgorithm.Rsa, 4096, PrivateKeyEncoding.Pkcs8, "PRIVATE KEY" },
        { KeyAlgorithm.Ecdsa, 256, PrivateKeyEncoding.Pkcs1, "EC PRIVATE KEY" },
        { KeyAlgorithm.Ecdsa, 256, PrivateKeyEncoding.Pkcs8, "PRIVATE KEY" },
        { KeyAlgorithm.Ecdsa, 384, PrivateKeyEncoding.Pkcs1, "EC PRIVATE KEY" },
        { KeyAlgorithm.Ecdsa, 384, PrivateKeyEncoding.Pkcs8, "PRIVATE KEY" },
        { KeyAlgorithm.Ecdsa, 521, PrivateKeyEncoding.Pkcs1, "EC PRIVATE KEY" },
        { KeyAlgorithm.Ecdsa, 521, PrivateKeyEncoding.Pkcs8, "PRIVATE KEY" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void GenerateExportParseMatches(KeyAlgorithm algorithm, int size, PrivateKeyEncoding encoding, string label)
    {
        var spec = new PrivateKeySpec(algorithm, size, encoding);
        using var key = PrivateKeyGenerator.Generate(spec);
        Assert.Equal(algorithm, key.Algorithm);
        Assert.Equal(size, key.Size);
        Assert.True(key.SpecMatches(spec));

        var pem = key.ExportPem(encoding);
        Assert.StartsWith($"-----BEGIN {label}-----", pem, StringComparison.Ordinal);

        using var parsed = PemCodec.DecodePrivateKey(pem);
        Assert.Equal(algorithm, parsed.Algorithm);
        Assert.Equal(size, parsed.Size);
        Assert.True(parsed.SpecMatches(spec));

        // The parsed key must be the same key pair: its self-signed certificate matches the original key.
        var issued = SelfSignedIssuer.Issue(parsed, new CertificateTemplate { DnsNames = ["rt.example.com"] }, TimeSpan.FromHours(1), TestPki.Now);
        using var cert = TestPki.Single(issued.CertificatePem);
        Assert.True(key.PublicKeyMatches(cert));
        Assert.True(parsed.PublicKeyMatches(cert));

        // Re-encoding in the other format keeps the key.
        var other = encoding == PrivateKeyEncoding.Pkcs1 ? PrivateKeyEncoding.Pkcs8 : PrivateKeyEncoding.Pkcs1;
        using var reparsed = PemCodec.DecodePrivateKey(parsed.ExportPem(other));
        Assert.True(reparsed.PublicKeyMatches(cert));
    }

    [Theory]
    [InlineData(KeyAlgorithm.Rsa, 3072)]
    [InlineData(KeyAlgorithm.Ecdsa, 384)]
    [InlineData(KeyAlgorithm.Ecdsa, null)]
    public void SpecMatchesDetectsAlgorithmOrSizeChange(KeyAlgorithm algorithm, int? size)
    {
        using var rsa2048 = TestPki.Rsa();
        Assert.False(rsa2048.SpecMatches(new PrivateKeySpec(algorithm, size)));
        Assert.True(rsa2048.SpecMatches(new PrivateKeySpec(KeyAlgorithm.Rsa, null, PrivateKeyEncoding.Pkcs8)));
    }

    [Fact]
    public void MismatchedKeyAndCertificateAreDetected()
    {
        using var rsa = TestPki.Rsa();
        using var ec = TestPki.Ec();
        using var otherEc = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var issued = SelfSignedIssuer.Issue(ec, new CertificateTemplate { CommonName = "mismatch" }, TimeSpan.FromHours(1), TestPki.Now);
        using var cert = TestPki.Single(issued.CertificatePem);

        Assert.True(ec.PublicKeyMatches(cert));
        Assert.False(rsa.PublicKeyMatches(cert));
        Assert.False(otherEc.PublicKeyMatches(cert));
    }

    [Fact]
    public void PublicKeyMatchingIgnoresRsaParameterEncodingVariants()
    {
        using var rsa = TestPki.Rsa();
        var canonical = rsa.GetPublicKey();
        // Same RSA key, AlgorithmIdentifier parameters absent instead of NULL.
        var withoutParameters = new System.Security.Cryptography.X509Certificates.PublicKey(
            canonical.Oid, null, canonical.EncodedKeyValue);
        Assert.True(rsa.PublicKeyMatches(canonical));
        Assert.True(rsa.PublicKeyMatches(withoutParameters));

        using var ec = TestPki.Ec();
        Assert.False(rsa.PublicKeyMatches(ec.GetPublicKey()));
        Assert.False(ec.PublicKeyMatches(canonical));
        using var ec384 = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa, 384));
        Assert.False(ec.PublicKeyMatches(ec384.GetPublicKey()));
    }
}
