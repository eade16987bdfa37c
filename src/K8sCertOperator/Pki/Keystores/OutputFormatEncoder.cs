using System.Security.Cryptography;
using System.Text;

namespace K8sCertOperator.Pki.Keystores;

/// <summary>The additionalOutputFormats encodings: pure functions of tls.key and tls.crt.</summary>
public static class OutputFormatEncoder
{
    /// <summary>tls-combined.pem: the private key PEM, then the leaf and chain PEM exactly as in tls.crt.</summary>
    public static byte[] CombinedPem(ReadOnlySpan<byte> keyPem, ReadOnlySpan<byte> chainPem)
    {
        var result = new List<byte>(keyPem.Length + chainPem.Length + 1);
        result.AddRange(keyPem);
        if (keyPem.Length > 0 && keyPem[^1] != (byte)'\n')
        {
            result.Add((byte)'\n');
        }

        result.AddRange(chainPem);
        return [.. result];
    }

    /// <summary>key.der: the DER inside tls.key's PEM block (PKCS#1 or PKCS#8, as spec.privateKey.encoding chose).</summary>
    public static byte[] KeyDer(ReadOnlySpan<byte> keyPem)
    {
        var text = Encoding.ASCII.GetString(keyPem);
        if (!PemEncoding.TryFind(text, out var fields))
        {
            throw new PemFormatException("tls.key holds no PEM block");
        }

        return Convert.FromBase64String(text[fields.Base64Data]);
    }
}
