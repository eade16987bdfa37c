using System.Buffers.Text;
using System.Security.Cryptography;

namespace K8sCertOperator.Acme.Jws;

/// <summary>RS256 signer over an RSA key.</summary>
public sealed class RsaJwsSigner : IJwsSigner
{
    private readonly RSA _key;

    /// <summary>Takes ownership of <paramref name="key"/>.</summary>
    public RsaJwsSigner(RSA key)
    {
        _key = key;
        var parameters = key.ExportParameters(includePrivateParameters: false);
        Jwk = new Jwk
        {
            Kty = "RSA",
            N = Base64Url.EncodeToString(TrimLeadingZeros(parameters.Modulus!)),
            E = Base64Url.EncodeToString(TrimLeadingZeros(parameters.Exponent!)),
        };
    }

    public string Algorithm => "RS256";

    public Jwk Jwk { get; }

    public byte[] Sign(ReadOnlySpan<byte> signingInput) =>
        _key.SignData(signingInput.ToArray(), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

    public string ExportPrivateKeyPem() => _key.ExportPkcs8PrivateKeyPem();

    public void Dispose() => _key.Dispose();

    // JWA §6.3.1: n and e are the minimal unsigned big-endian octets.
    private static byte[] TrimLeadingZeros(byte[] value)
    {
        var start = 0;
        while (start < value.Length - 1 && value[start] == 0)
        {
            start++;
        }
        return value[start..];
    }
}
