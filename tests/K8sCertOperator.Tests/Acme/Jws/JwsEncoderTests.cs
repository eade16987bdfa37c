using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using K8sCertOperator.Acme.Jws;

namespace K8sCertOperator.Tests.Acme.Jws;

/// <summary>Flattened JWS: signatures verify with the JWK, header members per RFC 8555 §6.2.</summary>
public class JwsEncoderTests
{
    private static readonly Uri Url = new("https://acme.example/new-order");
    private static readonly Uri Kid = new("https://acme.example/acct/17");

    [Theory]
    [InlineData("ES256")]
    [InlineData("ES384")]
    [InlineData("ES512")]
    [InlineData("RS256")]
    public void Signature_verifies_with_the_public_key_from_the_jwk(string algorithm)
    {
        using var signer = JwsSigners.Create(algorithm);
        var payload = """{"identifiers":[{"type":"dns","value":"a.example.com"}]}"""u8.ToArray();

        var jws = JwsEncoder.Sign(signer, payload, Url, "nonce-1", Kid);

        var signingInput = Encoding.ASCII.GetBytes(jws.Protected + "." + jws.Payload);
        var signature = Base64Url.DecodeFromChars(jws.Signature);
        Assert.True(Verify(signer.Jwk, algorithm, signingInput, signature));
        Assert.Equal(payload, Base64Url.DecodeFromChars(jws.Payload));
    }

    [Fact]
    public void Es256_signature_is_ieee_p1363_r_concat_s()
    {
        using var signer = JwsSigners.CreateEs256();

        var jws = JwsEncoder.Sign(signer, [], Url, "n", Kid);

        // 64 bytes, not a ~70-byte DER SEQUENCE.
        Assert.Equal(64, Base64Url.DecodeFromChars(jws.Signature).Length);
    }

    [Fact]
    public void Kid_header_carries_alg_kid_nonce_url_and_no_jwk()
    {
        using var signer = JwsSigners.CreateEs256();

        var header = Header(JwsEncoder.Sign(signer, [], Url, "abc", Kid));

        Assert.Equal("ES256", header.GetProperty("alg").GetString());
        Assert.Equal(Kid.AbsoluteUri, header.GetProperty("kid").GetString());
        Assert.Equal("abc", header.GetProperty("nonce").GetString());
        Assert.Equal(Url.AbsoluteUri, header.GetProperty("url").GetString());
        Assert.False(header.TryGetProperty("jwk", out _));
    }

    [Fact]
    public void Jwk_header_embeds_the_public_key_and_no_kid()
    {
        using var signer = JwsSigners.CreateRs256();

        var header = Header(JwsEncoder.Sign(signer, [], Url, "abc", keyId: null));

        Assert.False(header.TryGetProperty("kid", out _));
        var jwk = header.GetProperty("jwk");
        Assert.Equal("RSA", jwk.GetProperty("kty").GetString());
        Assert.Equal(signer.Jwk.N, jwk.GetProperty("n").GetString());
        Assert.Equal("AQAB", jwk.GetProperty("e").GetString());
        Assert.False(jwk.TryGetProperty("d", out _));
    }

    [Fact]
    public void Without_nonce_the_header_has_no_nonce_member()
    {
        using var signer = JwsSigners.CreateEs256();

        var header = Header(JwsEncoder.Sign(signer, [], Url, nonce: null, keyId: null));

        Assert.False(header.TryGetProperty("nonce", out _));
    }

    [Fact]
    public void Post_as_get_has_an_empty_payload()
    {
        using var signer = JwsSigners.CreateEs256();

        Assert.Equal(string.Empty, JwsEncoder.Sign(signer, [], Url, "n", Kid).Payload);
    }

    private static JsonElement Header(JwsMessage jws) =>
        JsonDocument.Parse(Base64Url.DecodeFromChars(jws.Protected)).RootElement.Clone();

    private static bool Verify(Jwk jwk, string algorithm, byte[] data, byte[] signature)
    {
        if (jwk.Kty == "RSA")
        {
            using var rsa = RSA.Create(new RSAParameters { Modulus = Base64Url.DecodeFromChars(jwk.N), Exponent = Base64Url.DecodeFromChars(jwk.E) });
            return rsa.VerifyData(data, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        }
        var (curve, hash) = algorithm switch
        {
            "ES256" => (ECCurve.NamedCurves.nistP256, HashAlgorithmName.SHA256),
            "ES384" => (ECCurve.NamedCurves.nistP384, HashAlgorithmName.SHA384),
            _ => (ECCurve.NamedCurves.nistP521, HashAlgorithmName.SHA512),
        };
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = curve,
            Q = new ECPoint { X = Base64Url.DecodeFromChars(jwk.X), Y = Base64Url.DecodeFromChars(jwk.Y) },
        });
        return ecdsa.VerifyData(data, signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
    }
}
