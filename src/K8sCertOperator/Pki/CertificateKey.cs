using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>
/// An owned RSA or ECDSA private key with the operations the operator needs (PEM export, matching).
/// Not thread-safe: use one instance per operation.
/// </summary>
public sealed class CertificateKey : IDisposable
{
    private readonly AsymmetricAlgorithm _key;

    private CertificateKey(AsymmetricAlgorithm key, KeyAlgorithm algorithm)
    {
        _key = key;
        Algorithm = algorithm;
    }

    public KeyAlgorithm Algorithm { get; }

    /// <summary>Key size in bits (RSA modulus length, or the EC curve size 256/384/521).</summary>
    public int Size => _key.KeySize;

    /// <summary>The RSA key, or null for ECDSA. Owned by this instance.</summary>
    public RSA? Rsa => _key as RSA;

    /// <summary>The ECDSA key, or null for RSA. Owned by this instance.</summary>
    public ECDsa? Ecdsa => _key as ECDsa;

    /// <summary>Takes ownership of an RSA key.</summary>
    public static CertificateKey FromRsa(RSA rsa) => new(rsa ?? throw new ArgumentNullException(nameof(rsa)), KeyAlgorithm.Rsa);

    /// <summary>Takes ownership of an ECDSA key.</summary>
    public static CertificateKey FromEcdsa(ECDsa ecdsa) => new(ecdsa ?? throw new ArgumentNullException(nameof(ecdsa)), KeyAlgorithm.Ecdsa);

    /// <summary>
    /// PEM of the private key. PKCS1 gives "RSA PRIVATE KEY" for RSA and SEC1 "EC PRIVATE KEY" for ECDSA
    /// (cert-manager's meaning of PKCS1 for EC keys); PKCS8 gives "PRIVATE KEY". Ends with a newline so PEMs concatenate.
    /// </summary>
    public string ExportPem(PrivateKeyEncoding encoding) => ExportPemBody(encoding) + "\n";

    private string ExportPemBody(PrivateKeyEncoding encoding) => (encoding, _key) switch
    {
        (PrivateKeyEncoding.Pkcs8, _) => _key.ExportPkcs8PrivateKeyPem(),
        (PrivateKeyEncoding.Pkcs1, RSA rsa) => rsa.ExportRSAPrivateKeyPem(),
        (PrivateKeyEncoding.Pkcs1, ECDsa ec) => ec.ExportECPrivateKeyPem(),
        _ => throw new ArgumentOutOfRangeException(nameof(encoding), encoding, "unknown private key encoding"),
    };

    /// <summary>SubjectPublicKeyInfo DER of the public half.</summary>
    public byte[] ExportSubjectPublicKeyInfo() => _key.ExportSubjectPublicKeyInfo();

    /// <summary>The public half as an X.509 <see cref="PublicKey"/> (for building certificates and CSRs).</summary>
    public PublicKey GetPublicKey() => Rsa is { } rsa ? new PublicKey(rsa) : new PublicKey(Ecdsa!);

    /// <summary>True when the certificate's public key is this key's public half.</summary>
    public bool PublicKeyMatches(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return PublicKeyMatches(certificate.PublicKey);
    }

    /// <summary>True when the given public key is this key's public half (compared by value, see <see cref="PublicKeyMatch"/>).</summary>
    public bool PublicKeyMatches(PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        return PublicKeyMatch.Same(GetPublicKey(), publicKey);
    }

    /// <summary>True when algorithm and size match the spec (encoding is a property of the Secret, not the key).</summary>
    public bool SpecMatches(PrivateKeySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Algorithm == Algorithm && spec.EffectiveSize == Size;
    }

    /// <summary>Signature hash cert-manager pairs with this key: SHA-256, except P-384 (SHA-384) and P-521 (SHA-512).</summary>
    public HashAlgorithmName SignatureHash => (Algorithm, Size) switch
    {
        (KeyAlgorithm.Ecdsa, 384) => HashAlgorithmName.SHA384,
        (KeyAlgorithm.Ecdsa, 521) => HashAlgorithmName.SHA512,
        _ => HashAlgorithmName.SHA256,
    };

    /// <summary>A signature generator for building certificates signed by this key.</summary>
    public X509SignatureGenerator CreateSignatureGenerator() => Rsa is { } rsa
        ? X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1)
        : X509SignatureGenerator.CreateForECDsa(Ecdsa!);

    /// <summary>A BCL certificate request for the given subject, signed with this key when encoded.</summary>
    public CertificateRequest CreateRequest(X500DistinguishedName subject) => CreateRequest(subject, SignatureHash);

    /// <summary>As <see cref="CreateRequest(X500DistinguishedName)"/> with an explicit signature hash.</summary>
    public CertificateRequest CreateRequest(X500DistinguishedName subject, HashAlgorithmName hash) => Rsa is { } rsa
        ? new CertificateRequest(subject, rsa, hash, RSASignaturePadding.Pkcs1)
        : new CertificateRequest(subject, Ecdsa!, hash);

    public void Dispose() => _key.Dispose();
}
