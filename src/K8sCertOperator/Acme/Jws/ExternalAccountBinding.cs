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
    /// <summary>The MAC algorithms of RFC 7518 §3.2 an EAB may use.</summary>
    public static readonly IReadOnlyList<string> Algorithms = ["HS256", "HS384", "HS512"];

    /// <summary>
    /// The shortest MAC key <paramref name="algorithm"/> allows: RFC 7518 §3.2 requires a key at least as
    /// long as the hash output. Null for an algorithm that is not an HS one.
    /// </summary>
    public static int? MinimumKeyBytes(string algorithm) => algorithm switch
    {
        "HS256" => 32,
        "HS384" => 48,
        "HS512" => 64,
        _ => null,
    };

    /// <summary>
    /// Checks the credentials without sending anything: a known algorithm and a base64url MAC key long enough
    /// for it. Throws <see cref="FormatException"/> with a message that names the key id, never the key.
    /// </summary>
    public byte[] DecodeMacKey()
    {
        if (MinimumKeyBytes(Algorithm) is not { } minimum)
        {
            throw new FormatException($"EAB MAC algorithm '{Algorithm}' is not one of {string.Join(", ", Algorithms)}");
        }
        byte[] key;
        try
        {
            key = Base64Url.DecodeFromChars(MacKeyBase64Url.Trim().TrimEnd('='));
        }
        catch (FormatException)
        {
            throw new FormatException($"the EAB MAC key for key id '{KeyId}' is not valid base64url");
        }
        if (key.Length < minimum)
        {
            throw new FormatException(
                $"the EAB MAC key for key id '{KeyId}' is {key.Length} bytes, but {Algorithm} needs at least {minimum} (RFC 7518 §3.2); " +
                $"use the full key the CA issued, or {ShortestFitting(key.Length)}");
        }
        return key;
    }

    /// <summary>The inner JWS binding <paramref name="accountKey"/> to the external account.</summary>
    public JwsMessage CreateBinding(Jwk accountKey, Uri newAccountUrl)
    {
        var key = DecodeMacKey();
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

    private static string ShortestFitting(int keyBytes) =>
        Algorithms.LastOrDefault(a => MinimumKeyBytes(a) <= keyBytes) is { } fitting
            ? $"an algorithm this key is long enough for ({fitting})"
            : "a longer key";

    private byte[] Mac(byte[] key, ReadOnlySpan<byte> input) => Algorithm switch
    {
        "HS256" => HMACSHA256.HashData(key, input),
        "HS384" => HMACSHA384.HashData(key, input),
        "HS512" => HMACSHA512.HashData(key, input),
        _ => throw new NotSupportedException($"EAB MAC algorithm '{Algorithm}' is not supported"),
    };
}
