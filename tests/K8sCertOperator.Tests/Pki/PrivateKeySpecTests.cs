using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

public class PrivateKeySpecTests
{
    [Theory]
    [InlineData(KeyAlgorithm.Rsa, null, null)]
    [InlineData(KeyAlgorithm.Rsa, 2048, null)]
    [InlineData(KeyAlgorithm.Rsa, 3072, null)]
    [InlineData(KeyAlgorithm.Rsa, 4096, null)]
    [InlineData(KeyAlgorithm.Rsa, 1024, "invalid RSA key size 1024: must be 2048, 3072 or 4096")]
    [InlineData(KeyAlgorithm.Rsa, 16384, "invalid RSA key size 16384: must be 2048, 3072 or 4096")]
    [InlineData(KeyAlgorithm.Rsa, 256, "invalid RSA key size 256: must be 2048, 3072 or 4096")]
    [InlineData(KeyAlgorithm.Rsa, 0, null)]
    [InlineData(KeyAlgorithm.Ecdsa, null, null)]
    [InlineData(KeyAlgorithm.Ecdsa, 0, null)]
    [InlineData(KeyAlgorithm.Ecdsa, 256, null)]
    [InlineData(KeyAlgorithm.Ecdsa, 384, null)]
    [InlineData(KeyAlgorithm.Ecdsa, 521, null)]
    [InlineData(KeyAlgorithm.Ecdsa, 300, "invalid ECDSA key size 300: must be 256, 384 or 521")]
    [InlineData(KeyAlgorithm.Ecdsa, 2048, "invalid ECDSA key size 2048: must be 256, 384 or 521")]
    [InlineData(KeyAlgorithm.Ed25519, null, PrivateKeySpecValidator.UnsupportedEd25519Message)]
    public void Validate(KeyAlgorithm algorithm, int? size, string? expected)
    {
        Assert.Equal(expected, PrivateKeySpecValidator.Validate(new PrivateKeySpec(algorithm, size)));
    }

    [Theory]
    [InlineData(KeyAlgorithm.Rsa, null, 2048)]
    [InlineData(KeyAlgorithm.Rsa, 4096, 4096)]
    [InlineData(KeyAlgorithm.Ecdsa, null, 256)]
    [InlineData(KeyAlgorithm.Ecdsa, 521, 521)]
    [InlineData(KeyAlgorithm.Ecdsa, 0, 256)]
    [InlineData(KeyAlgorithm.Ed25519, 4096, 256)]
    public void EffectiveSizeAppliesDefaults(KeyAlgorithm algorithm, int? size, int expected)
    {
        Assert.Equal(expected, new PrivateKeySpec(algorithm, size).EffectiveSize);
    }

    [Theory]
    [InlineData(null, null, null, KeyAlgorithm.Rsa, null, PrivateKeyEncoding.Pkcs1, null)]
    [InlineData("RSA", 4096, "PKCS8", KeyAlgorithm.Rsa, 4096, PrivateKeyEncoding.Pkcs8, null)]
    [InlineData("ecdsa", 384, "pkcs1", KeyAlgorithm.Ecdsa, 384, PrivateKeyEncoding.Pkcs1, null)]
    [InlineData("ECDSA", 0, "", KeyAlgorithm.Ecdsa, null, PrivateKeyEncoding.Pkcs1, null)]
    [InlineData("DSA", null, null, KeyAlgorithm.Rsa, null, PrivateKeyEncoding.Pkcs1, "unknown private key algorithm \"DSA\" (expected RSA, ECDSA or Ed25519)")]
    [InlineData("RSA", null, "DER", KeyAlgorithm.Rsa, null, PrivateKeyEncoding.Pkcs1, "unknown private key encoding \"DER\" (expected PKCS1 or PKCS8)")]
    [InlineData("RSA", 1024, null, KeyAlgorithm.Rsa, null, PrivateKeyEncoding.Pkcs1, "invalid RSA key size 1024: must be 2048, 3072 or 4096")]
    [InlineData("Ed25519", null, null, KeyAlgorithm.Rsa, null, PrivateKeyEncoding.Pkcs1, PrivateKeySpecValidator.UnsupportedEd25519Message)]
    public void FromApi(string? alg, int? size, string? enc, KeyAlgorithm expAlg, int? expSize, PrivateKeyEncoding expEnc, string? expError)
    {
        var (spec, error) = PrivateKeySpec.FromApi(alg, size, enc);
        Assert.Equal(expError, error);
        if (expError is null)
        {
            Assert.Equal(new PrivateKeySpec(expAlg, expSize, expEnc), spec);
        }
        else
        {
            Assert.Null(spec);
        }
    }

    [Fact]
    public void GeneratorRejectsEd25519WithTypedError()
    {
        var ex = Assert.Throws<UnsupportedKeyAlgorithmException>(() => PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ed25519)));
        Assert.Equal(KeyAlgorithm.Ed25519, ex.Algorithm);
        Assert.Contains("Ed25519", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GeneratorRejectsInvalidSize()
    {
        Assert.Throws<ArgumentException>(() => PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Rsa, 1024)));
    }
}
