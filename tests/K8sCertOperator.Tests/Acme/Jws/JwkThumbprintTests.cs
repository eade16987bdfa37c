using System.Security.Cryptography;
using System.Text;
using K8sCertOperator.Acme.Jws;

namespace K8sCertOperator.Tests.Acme.Jws;

/// <summary>JWK export and RFC 7638 thumbprints, including the RFC example.</summary>
public class JwkThumbprintTests
{
    // RFC 7638 §3.1 example key and its published thumbprint.
    private const string Rfc7638Modulus =
        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEgU8awapJzKnqDKgw";

    [Fact]
    public void Rfc7638_example_key_has_the_published_thumbprint()
    {
        var jwk = new Jwk { Kty = "RSA", N = Rfc7638Modulus, E = "AQAB" };

        Assert.Equal("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs", jwk.ComputeThumbprint());
    }

    [Fact]
    public void Canonical_json_has_only_required_members_in_lexicographic_order()
    {
        var jwk = new Jwk { Kty = "RSA", N = "bg", E = "AQAB" };

        Assert.Equal("""{"e":"AQAB","kty":"RSA","n":"bg"}""", Encoding.UTF8.GetString(jwk.ToCanonicalJson()));
        var ec = new Jwk { Kty = "EC", Crv = "P-256", X = "eA", Y = "eQ" };
        Assert.Equal("""{"crv":"P-256","kty":"EC","x":"eA","y":"eQ"}""", Encoding.UTF8.GetString(ec.ToCanonicalJson()));
    }

    [Theory]
    [InlineData("ES256", "P-256", 32)]
    [InlineData("ES384", "P-384", 48)]
    [InlineData("ES512", "P-521", 66)]
    public void Ec_signers_export_fixed_size_coordinates(string algorithm, string curve, int coordinateBytes)
    {
        using var signer = JwsSigners.Create(algorithm);

        Assert.Equal(algorithm, signer.Algorithm);
        Assert.Equal(curve, signer.Jwk.Crv);
        Assert.Equal(coordinateBytes, System.Buffers.Text.Base64Url.DecodeFromChars(signer.Jwk.X).Length);
        Assert.Equal(coordinateBytes, System.Buffers.Text.Base64Url.DecodeFromChars(signer.Jwk.Y).Length);
        Assert.Equal(43, signer.Jwk.ComputeThumbprint().Length);
    }

    [Fact]
    public void Rsa_signer_exports_e_as_AQAB_and_the_modulus()
    {
        using var rsa = RSA.Create(2048);
        var modulus = rsa.ExportParameters(false).Modulus!;
        using var signer = new RsaJwsSigner(rsa);

        Assert.Equal("AQAB", signer.Jwk.E);
        Assert.Equal(modulus, System.Buffers.Text.Base64Url.DecodeFromChars(signer.Jwk.N));
    }

    [Theory]
    [InlineData("ES256")]
    [InlineData("ES384")]
    [InlineData("RS256")]
    public void A_key_exported_to_pem_loads_back_with_the_same_jwk(string algorithm)
    {
        using var signer = JwsSigners.Create(algorithm);

        using var loaded = JwsSigners.FromPrivateKeyPem(signer.ExportPrivateKeyPem());

        Assert.Equal(signer.Algorithm, loaded.Algorithm);
        Assert.Equal(signer.Jwk.ComputeThumbprint(), loaded.Jwk.ComputeThumbprint());
    }

    [Fact]
    public void Garbage_pem_fails_without_echoing_the_input()
    {
        const string secretLooking = "-----BEGIN PRIVATE KEY-----\nc2VjcmV0\n-----END PRIVATE KEY-----";

        var error = Assert.ThrowsAny<CryptographicException>(() => JwsSigners.FromPrivateKeyPem(secretLooking));

        Assert.DoesNotContain("c2VjcmV0", error.Message, StringComparison.Ordinal);
    }
}
