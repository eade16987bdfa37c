using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>The facts the operator reads from an issued leaf certificate (status fields, re-issue checks, ARI).</summary>
public sealed record CertificateInfo
{
    /// <summary>Serial number as upper-case hex of the DER INTEGER content (leading 00 kept).</summary>
    public required string SerialNumberHex { get; init; }

    /// <summary>Serial number bytes (DER INTEGER content, big-endian), as ARI's CertID needs.</summary>
    public required byte[] SerialNumber { get; init; }

    public string? CommonName { get; init; }
    public string? IssuerCommonName { get; init; }
    public required SubjectAltNames SubjectAltNames { get; init; }
    public required DateTimeOffset NotBefore { get; init; }
    public required DateTimeOffset NotAfter { get; init; }

    /// <summary>RSA, ECDSA or Ed25519; null for other key types.</summary>
    public KeyAlgorithm? PublicKeyAlgorithm { get; init; }

    /// <summary>Key size in bits (RSA modulus, EC curve size, 256 for Ed25519); 0 when unknown.</summary>
    public int PublicKeySize { get; init; }

    /// <summary>keyIdentifier of the Authority Key Identifier extension, or null when absent.</summary>
    public byte[]? AuthorityKeyIdentifier { get; init; }

    public bool IsCA { get; init; }
    public X509KeyUsageFlags KeyUsage { get; init; }
    public IReadOnlyList<string> ExtendedKeyUsageOids { get; init; } = [];

    /// <summary>DER of the subject Name, for comparing a literalSubject byte for byte.</summary>
    public byte[] SubjectDer { get; init; } = [];

    /// <summary>The nameConstraints extension, or null when absent.</summary>
    public NameConstraints? NameConstraints { get; init; }

    /// <summary>OID of the certificate's signature algorithm.</summary>
    public string? SignatureAlgorithmOid { get; init; }

    private static readonly ParseMemo<CertificateInfo> Leaves = new(1024);

    /// <summary>DER of the leaf's SubjectPublicKeyInfo, for comparing it with a key without loading either.</summary>
    public byte[] SubjectPublicKeyInfo { get; init; } = [];

    /// <summary>Reads the leaf (first certificate) of a tls.crt PEM; any problem is a <see cref="PemFormatException"/>.</summary>
    public static CertificateInfo FromPem(string? tlsCrt) =>
        FromPem(tlsCrt is null ? null : System.Text.Encoding.UTF8.GetBytes(tlsCrt));

    /// <summary>
    /// Reads the leaf of a tls.crt PEM given as bytes. Every certificate in it must load; equal bytes are read once
    /// (<see cref="ParseMemo{T}"/>), so callers share the result and must not change its arrays.
    /// </summary>
    public static CertificateInfo FromPem(ReadOnlySpan<byte> tlsCrt)
    {
        var digest = ParseDigest.Of(tlsCrt);
        if (Leaves.TryGet(digest, out var known))
        {
            return known;
        }

        var chain = PemCodec.DecodeCertificates(tlsCrt);
        try
        {
            return Leaves.Remember(digest, FromCertificate(chain[0]));
        }
        finally
        {
            foreach (var c in chain)
            {
                c.Dispose();
            }
        }
    }

    /// <summary>Reads the facts; malformed extensions raise <see cref="PemFormatException"/>.</summary>
    public static CertificateInfo FromCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        try
        {
            var serial = certificate.SerialNumberBytes.ToArray();
            var (algorithm, size) = ReadPublicKey(certificate);
            var info = new CertificateInfo
            {
                SerialNumber = serial,
                SerialNumberHex = Convert.ToHexString(serial),
                CommonName = DistinguishedNames.CommonName(certificate.SubjectName),
                IssuerCommonName = DistinguishedNames.CommonName(certificate.IssuerName),
                SubjectAltNames = SubjectAltNames.Empty,
                // X509Certificate2 reports local time; convert once here so callers only see UTC.
                NotBefore = new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero),
                NotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
                PublicKeyAlgorithm = algorithm,
                PublicKeySize = size,
                SubjectDer = certificate.SubjectName.RawData,
                SubjectPublicKeyInfo = certificate.PublicKey.ExportSubjectPublicKeyInfo(),
                SignatureAlgorithmOid = certificate.SignatureAlgorithm.Value,
            };

            foreach (var extension in certificate.Extensions)
            {
                switch (extension.Oid?.Value)
                {
                    case SubjectAltNameCodec.Oid:
                        info = info with { SubjectAltNames = SubjectAltNameCodec.Decode(extension.RawData) };
                        break;
                    case NameConstraintsCodec.Oid:
                        info = info with { NameConstraints = NameConstraintsCodec.Decode(extension.RawData, extension.Critical) };
                        break;
                    case "2.5.29.35":
                        var aki = new X509AuthorityKeyIdentifierExtension(extension.RawData, extension.Critical);
                        info = info with { AuthorityKeyIdentifier = aki.KeyIdentifier?.ToArray() };
                        break;
                    case "2.5.29.19":
                        info = info with { IsCA = new X509BasicConstraintsExtension(new AsnEncodedData(extension.Oid, extension.RawData), extension.Critical).CertificateAuthority };
                        break;
                    case "2.5.29.15":
                        info = info with { KeyUsage = new X509KeyUsageExtension(new AsnEncodedData(extension.Oid, extension.RawData), extension.Critical).KeyUsages };
                        break;
                    case "2.5.29.37":
                        var eku = new X509EnhancedKeyUsageExtension(new AsnEncodedData(extension.Oid, extension.RawData), extension.Critical);
                        info = info with { ExtendedKeyUsageOids = eku.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value ?? string.Empty).ToList() };
                        break;
                }
            }

            return info;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not PkiException)
        {
            throw new PemFormatException("certificate: malformed field or extension", ex);
        }
    }

    private static (KeyAlgorithm? Algorithm, int Size) ReadPublicKey(X509Certificate2 certificate)
    {
        switch (certificate.PublicKey.Oid.Value)
        {
            case "1.2.840.113549.1.1.1":
                using (var rsa = certificate.GetRSAPublicKey())
                {
                    return (KeyAlgorithm.Rsa, rsa?.KeySize ?? 0);
                }

            case "1.2.840.10045.2.1":
                using (var ec = certificate.GetECDsaPublicKey())
                {
                    return (KeyAlgorithm.Ecdsa, ec?.KeySize ?? 0);
                }

            case "1.3.101.112":
                return (KeyAlgorithm.Ed25519, 256);
            default:
                return (null, 0);
        }
    }
}
