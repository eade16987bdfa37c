using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Policies;

/// <summary>
/// What could be read from a TLS Secret's tls.key and tls.crt. Parse failures are data here, not exceptions,
/// so policies can turn them into InvalidKeyPair / InvalidCertificate decisions. Holds no key material.
/// </summary>
public sealed record SecretMaterial
{
    public bool HasKey { get; init; }

    public bool HasCertificate { get; init; }

    /// <summary>Why tls.key could not be decoded; null when it decoded (or is absent).</summary>
    public string? KeyError { get; init; }

    /// <summary>Why tls.crt could not be decoded; null when it decoded (or is absent).</summary>
    public string? CertificateError { get; init; }

    public KeyAlgorithm? KeyAlgorithm { get; init; }

    public int KeySize { get; init; }

    /// <summary>The leaf (first) certificate of tls.crt.</summary>
    public CertificateInfo? Certificate { get; init; }

    /// <summary>True when both decoded and the key's public half is the leaf's public key.</summary>
    public bool KeyMatchesCertificate { get; init; }

    private static readonly ParseMemo<SecretMaterial> Known = new(2048);

    /// <summary>Reads tls.key and tls.crt; equal bytes are read once (the result holds no key material).</summary>
    public static SecretMaterial Parse(IReadOnlyDictionary<string, byte[]>? data)
    {
        var keyBytes = Get(data, SecretKeys.TlsPrivateKey);
        var certBytes = Get(data, SecretKeys.TlsCertificate);
        var digest = ParseDigest.Of(keyBytes, certBytes);
        return Known.TryGet(digest, out var known) ? known : Known.Remember(digest, Read(keyBytes, certBytes));
    }

    private static SecretMaterial Read(byte[]? keyBytes, byte[]? certBytes)
    {
        var result = new SecretMaterial { HasKey = keyBytes is not null, HasCertificate = certBytes is not null };

        CertificateKey? key = null;
        try
        {
            if (keyBytes is not null)
            {
                try
                {
                    key = PemCodec.DecodePrivateKey(keyBytes);
                    result = result with { KeyAlgorithm = key.Algorithm, KeySize = key.Size };
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    result = result with { KeyError = Describe(ex) };
                }
            }

            if (certBytes is not null)
            {
                try
                {
                    var leaf = CertificateInfo.FromPem(certBytes);
                    result = result with
                    {
                        Certificate = leaf,
                        KeyMatchesCertificate = key is not null
                            && key.PublicKeyMatches(PublicKey.CreateFromSubjectPublicKeyInfo(leaf.SubjectPublicKeyInfo, out _)),
                    };
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    result = result with { CertificateError = Describe(ex) };
                }
            }
        }
        finally
        {
            key?.Dispose();
        }

        return result;
    }

    // PemCodec's messages describe structure only, never key bytes; anything else gets a fixed text so no
    // unexpected exception message can carry Secret content into a status condition.
    private static string Describe(Exception ex) => ex is PkiException ? ex.Message : "unreadable data";

    private static byte[]? Get(IReadOnlyDictionary<string, byte[]>? data, string key) =>
        data is not null && data.TryGetValue(key, out var value) && value is { Length: > 0 } ? value : null;
}
