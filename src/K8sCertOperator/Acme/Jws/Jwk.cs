using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace K8sCertOperator.Acme.Jws;

/// <summary>A public JSON Web Key (RFC 7517) for an EC or RSA account key.</summary>
public sealed record Jwk
{
    [JsonPropertyName("crv")]
    public string? Crv { get; init; }

    [JsonPropertyName("e")]
    public string? E { get; init; }

    [JsonPropertyName("kty")]
    public string Kty { get; init; } = string.Empty;

    [JsonPropertyName("n")]
    public string? N { get; init; }

    [JsonPropertyName("x")]
    public string? X { get; init; }

    [JsonPropertyName("y")]
    public string? Y { get; init; }

    /// <summary>
    /// The required members only, in lexicographic order, no whitespace (RFC 7638 §3.2) — the same
    /// bytes serve the thumbprint and the "jwk" header so both sides agree on one form.
    /// </summary>
    public byte[] ToCanonicalJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteTo(writer);
        }
        return buffer.ToArray();
    }

    /// <summary>Writes the canonical object into an open writer.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        switch (Kty)
        {
            case "EC":
                writer.WriteString("crv", Crv);
                writer.WriteString("kty", Kty);
                writer.WriteString("x", X);
                writer.WriteString("y", Y);
                break;
            case "RSA":
                writer.WriteString("e", E);
                writer.WriteString("kty", Kty);
                writer.WriteString("n", N);
                break;
            default:
                throw new NotSupportedException($"JWK key type '{Kty}' is not supported");
        }
        writer.WriteEndObject();
    }

    /// <summary>The RFC 7638 SHA-256 thumbprint, base64url without padding.</summary>
    public string ComputeThumbprint() => Base64Url.EncodeToString(SHA256.HashData(ToCanonicalJson()));
}
