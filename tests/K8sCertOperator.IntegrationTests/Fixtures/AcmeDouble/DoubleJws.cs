using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace K8sCertOperator.IntegrationTests.Fixtures.AcmeDouble;

/// <summary>
/// The ACME double's side of RFC 8555 §6.2: parses a flattened JWS, checks its protected header and verifies the
/// signature with the sender's key (ES256/384/512 or RS256). Written independently of the operator's signer, so a
/// bug there shows up as a refused request here.
/// </summary>
internal sealed record DoubleJws(JsonObject Header, byte[] Payload, string SigningInput, byte[] Signature)
{
    public string? Algorithm => Header["alg"]?.GetValue<string>();

    public string? Nonce => Header["nonce"]?.GetValue<string>();

    public string? Url => Header["url"]?.GetValue<string>();

    public string? KeyId => Header["kid"]?.GetValue<string>();

    public JsonObject? Jwk => Header["jwk"] as JsonObject;

    /// <summary>True for POST-as-GET (empty payload).</summary>
    public bool IsPostAsGet => Payload.Length == 0;

    public JsonObject? PayloadObject => IsPostAsGet ? null : JsonNode.Parse(Payload) as JsonObject;

    /// <summary>Parses the request body; null when it is not a flattened JWS with base64url parts.</summary>
    public static DoubleJws? Parse(string body)
    {
        try
        {
            if (JsonNode.Parse(body) is not JsonObject jws
                || jws["protected"]?.GetValue<string>() is not { } protectedPart
                || jws["payload"]?.GetValue<string>() is not { } payloadPart
                || jws["signature"]?.GetValue<string>() is not { } signaturePart)
            {
                return null;
            }
            var header = JsonNode.Parse(Base64Url.DecodeFromChars(protectedPart)) as JsonObject;
            return header is null
                ? null
                : new DoubleJws(header, Base64Url.DecodeFromChars(payloadPart), protectedPart + "." + payloadPart, Base64Url.DecodeFromChars(signaturePart));
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Verifies the signature with <paramref name="jwk"/>; false for any mismatch or an algorithm the key cannot make.</summary>
    public bool VerifyWith(JsonObject jwk)
    {
        var data = Encoding.ASCII.GetBytes(SigningInput);
        var kty = jwk["kty"]?.GetValue<string>();
        try
        {
            switch (Algorithm, kty)
            {
                case ("ES256" or "ES384" or "ES512", "EC"):
                    var (curve, hash) = Algorithm switch
                    {
                        "ES256" => (ECCurve.NamedCurves.nistP256, HashAlgorithmName.SHA256),
                        "ES384" => (ECCurve.NamedCurves.nistP384, HashAlgorithmName.SHA384),
                        _ => (ECCurve.NamedCurves.nistP521, HashAlgorithmName.SHA512),
                    };
                    using (var ec = ECDsa.Create(new ECParameters
                    {
                        Curve = curve,
                        Q = new ECPoint { X = Member(jwk, "x"), Y = Member(jwk, "y") },
                    }))
                    {
                        return ec.VerifyData(data, Signature, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
                    }
                case ("RS256", "RSA"):
                    using (var rsa = RSA.Create(new RSAParameters { Modulus = Member(jwk, "n"), Exponent = Member(jwk, "e") }))
                    {
                        return rsa.VerifyData(data, Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                    }
                default:
                    return false;
            }
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order, base64url.</summary>
    public static string Thumbprint(JsonObject jwk)
    {
        var kty = jwk["kty"]?.GetValue<string>();
        var canonical = kty == "RSA"
            ? $$"""{"e":"{{jwk["e"]}}","kty":"RSA","n":"{{jwk["n"]}}"}"""
            : $$"""{"crv":"{{jwk["crv"]}}","kty":"EC","x":"{{jwk["x"]}}","y":"{{jwk["y"]}}"}""";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static byte[] Member(JsonObject jwk, string name) =>
        Base64Url.DecodeFromChars(jwk[name]?.GetValue<string>() ?? throw new CryptographicException($"jwk has no {name}"));
}
