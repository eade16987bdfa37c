using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace K8sCertOperator.Acme.Jws;

/// <summary>Builds flattened JWS messages for ACME requests (RFC 8555 §6.2).</summary>
public static class JwsEncoder
{
    /// <summary>
    /// Signs <paramref name="payload"/> for <paramref name="url"/>. With <paramref name="keyId"/> null the
    /// public key goes into the header as "jwk" (newAccount, revocation by certificate key), else "kid".
    /// A null <paramref name="nonce"/> leaves the nonce out (the inner keyChange JWS has none).
    /// </summary>
    public static JwsMessage Sign(IJwsSigner signer, ReadOnlySpan<byte> payload, Uri url, string? nonce, Uri? keyId)
    {
        var header = BuildProtectedHeader(signer, url, nonce, keyId);
        return SignWithHeader(header, payload, signer.Sign);
    }

    /// <summary>The protected header JSON: alg, jwk|kid, nonce, url.</summary>
    public static byte[] BuildProtectedHeader(IJwsSigner signer, Uri url, string? nonce, Uri? keyId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", signer.Algorithm);
            if (keyId is null)
            {
                writer.WritePropertyName("jwk");
                signer.Jwk.WriteTo(writer);
            }
            else
            {
                writer.WriteString("kid", keyId.AbsoluteUri);
            }
            if (nonce is not null)
            {
                writer.WriteString("nonce", nonce);
            }
            writer.WriteString("url", url.AbsoluteUri);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>Encodes header and payload and signs "protected.payload" with <paramref name="sign"/>.</summary>
    internal static JwsMessage SignWithHeader(byte[] header, ReadOnlySpan<byte> payload, SignFunction sign)
    {
        var protectedPart = Base64Url.EncodeToString(header);
        var payloadPart = Base64Url.EncodeToString(payload);
        var signingInput = Encoding.ASCII.GetBytes(protectedPart + "." + payloadPart);
        var signature = sign(signingInput);
        return new JwsMessage(protectedPart, payloadPart, Base64Url.EncodeToString(signature));
    }

    /// <summary>Signs the JWS signing input.</summary>
    internal delegate byte[] SignFunction(ReadOnlySpan<byte> signingInput);
}
