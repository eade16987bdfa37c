using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;

namespace K8sCertOperator.Acme.Jws;

/// <summary>
/// External account binding credentials (RFC 8555 §7.3.4): a key id and a MAC key the CA handed out
/// (base64url, as CAs publish it). <see cref="ToString"/> never shows the key.
/// </summary>
public sealed record ExternalAccountBinding(string KeyId, string MacKeyBase64Url, string Algorithm = "HS256")
{
    /// <summary>The inner JWS binding <paramref name="accountKey"/> to the external account.</summary>
    public JwsMessage CreateBinding(Jwk accountKey, Uri newAccountUrl)
    {
        byte[] key;
        try
        {
            key = Base64Url.DecodeFromChars(MacKeyBase64Url.Trim().TrimEnd('='));
        }
        catch (FormatException)
        {
            throw new FormatException($"the EAB MAC key for key id '{KeyId}' is not valid base64url");
        }
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", Algorithm);
            writer.WriteString("kid", KeyId);
            writer.WriteString("url", newAccountUrl.AbsoluteUri);
            writer.WriteEndObject();
        }
        var payload = accountKey.ToCanonicalJson();
        return JwsEncoder.SignWithHeader(buffer.ToArray(), payload, input => Mac(key, input));
    }

    public override string ToString() => $"ExternalAccountBinding {{ KeyId = {KeyId}, Algorithm = {Algorithm} }}";

    private byte[] Mac(byte[] key, ReadOnlySpan<byte> input) => Algorithm switch
    {
        "HS256" => HMACSHA256.HashData(key, input),
        "HS384" => HMACSHA384.HashData(key, input),
        "HS512" => HMACSHA512.HashData(key, input),
        _ => throw new NotSupportedException($"EAB MAC algorithm '{Algorithm}' is not supported"),
    };
}
