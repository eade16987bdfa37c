using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace K8sCertOperator.Pki;

/// <summary>
/// Decodes and encodes the PEM found in kubernetes.io/tls Secrets. Every decode failure (malformed, truncated,
/// oversized, unsupported) surfaces as <see cref="PemFormatException"/>; messages never include key bytes.
/// </summary>
public static class PemCodec
{
    private const string CertificateLabel = "CERTIFICATE";
    private const string CsrLabel = "CERTIFICATE REQUEST";
    private const string LegacyCsrLabel = "NEW CERTIFICATE REQUEST";
    private const string RsaKeyLabel = "RSA PRIVATE KEY";
    private const string EcKeyLabel = "EC PRIVATE KEY";
    private const string Pkcs8KeyLabel = "PRIVATE KEY";
    private const string EncryptedPkcs8KeyLabel = "ENCRYPTED PRIVATE KEY";
    private const string EcParametersLabel = "EC PARAMETERS";

    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcPublicKeyOid = "1.2.840.10045.2.1";
    private const string Ed25519Oid = "1.3.101.112";

    /// <summary>Decodes a chain (leaf first, as in tls.crt): 1..10 CERTIFICATE blocks, nothing else.</summary>
    public static IReadOnlyList<X509Certificate2> DecodeCertificates(string? pem)
    {
        var ders = DecodeCertificateDers(pem);
        var certificates = new List<X509Certificate2>(ders.Count);
        try
        {
            foreach (var der in ders)
            {
                certificates.Add(LoadCertificate(der, certificates.Count));
            }

            return certificates;
        }
        catch
        {
            certificates.ForEach(c => c.Dispose());
            throw;
        }
    }

    /// <summary>
    /// The DER of each block of a chain, with the PEM checks of <see cref="DecodeCertificates(string?)"/> but without
    /// loading the certificates (which costs OpenSSL ~0.2 ms each).
    /// </summary>
    public static IReadOnlyList<byte[]> DecodeCertificateDers(string? pem)
    {
        var text = CheckText(pem, PemLimits.MaxChainTextLength, "certificate chain");
        var blocks = PemBlockScanner.Scan(text, "certificate chain", PemLimits.MaxCertificates, PemLimits.MaxCertificateDerLength);
        if (blocks.Count == 0)
        {
            throw new PemFormatException("certificate chain: no CERTIFICATE PEM block found");
        }

        var ders = new List<byte[]>(blocks.Count);
        foreach (var block in blocks)
        {
            if (block.Label != CertificateLabel)
            {
                throw new PemFormatException($"certificate chain: unexpected PEM block \"{block.Label}\"");
            }

            ders.Add(block.Der);
        }

        return ders;
    }

    /// <summary>Decodes a chain from the raw bytes of a Secret key.</summary>
    public static IReadOnlyList<X509Certificate2> DecodeCertificates(ReadOnlySpan<byte> utf8Pem)
        => DecodeCertificates(ToText(utf8Pem, PemLimits.MaxChainTextLength, "certificate chain"));

    /// <summary>Decodes one unencrypted private key: PKCS#1 RSA, SEC1 EC, or PKCS#8 holding RSA or EC.</summary>
    public static CertificateKey DecodePrivateKey(string? pem)
    {
        var text = CheckText(pem, PemLimits.MaxKeyTextLength, "private key");
        var blocks = PemBlockScanner.Scan(text, "private key", PemLimits.MaxKeyBlocks, PemLimits.MaxKeyDerLength);
        PemBlock? keyBlock = null;
        foreach (var block in blocks)
        {
            switch (block.Label)
            {
                case RsaKeyLabel or EcKeyLabel or Pkcs8KeyLabel:
                    if (keyBlock is not null)
                    {
                        throw new PemFormatException("private key: more than one private key PEM block");
                    }

                    keyBlock = block;
                    break;
                case EcParametersLabel:
                    break;
                case EncryptedPkcs8KeyLabel:
                    throw new PemFormatException("private key: encrypted private keys are not supported");
                default:
                    throw new PemFormatException($"private key: unexpected PEM block \"{block.Label}\"");
            }
        }

        if (keyBlock is not { } key)
        {
            throw new PemFormatException("private key: no private key PEM block found");
        }

        return ImportKey(key.Label, key.Der);
    }

    /// <summary>Decodes a private key from the raw bytes of a Secret key.</summary>
    public static CertificateKey DecodePrivateKey(ReadOnlySpan<byte> utf8Pem)
        => DecodePrivateKey(ToText(utf8Pem, PemLimits.MaxKeyTextLength, "private key"));

    /// <summary>Extracts the DER of a single "CERTIFICATE REQUEST" block (the signature is not checked here).</summary>
    public static byte[] DecodeCertificateRequestDer(string? pem)
    {
        var text = CheckText(pem, PemLimits.MaxCsrTextLength, "certificate request");
        var blocks = PemBlockScanner.Scan(text, "certificate request", 1, PemLimits.MaxCsrDerLength);
        if (blocks.Count != 1 || blocks[0].Label is not (CsrLabel or LegacyCsrLabel))
        {
            throw new PemFormatException("certificate request: expected one CERTIFICATE REQUEST PEM block");
        }

        return blocks[0].Der;
    }

    /// <summary>PEM of one certificate.</summary>
    public static string EncodeCertificate(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return certificate.ExportCertificatePem() + "\n";
    }

    /// <summary>PEM of one certificate given as DER (not checked here).</summary>
    public static string EncodeCertificate(ReadOnlySpan<byte> der) => PemEncoding.WriteString(CertificateLabel, der) + "\n";

    /// <summary>PEM of a chain in the given order, one block after the other (tls.crt layout).</summary>
    public static string EncodeCertificates(IEnumerable<X509Certificate2> certificates)
    {
        ArgumentNullException.ThrowIfNull(certificates);
        var sb = new StringBuilder();
        foreach (var c in certificates)
        {
            sb.Append(EncodeCertificate(c));
        }

        return sb.ToString();
    }

    /// <summary>PEM of a PKCS#10 request.</summary>
    public static string EncodeCertificateRequest(ReadOnlySpan<byte> der) => PemEncoding.WriteString(CsrLabel, der) + "\n";

    private static ReadOnlySpan<char> CheckText(string? pem, int maxLength, string what)
    {
        if (string.IsNullOrWhiteSpace(pem))
        {
            throw new PemFormatException($"{what}: no PEM data");
        }

        if (pem.Length > maxLength)
        {
            throw new PemFormatException($"{what}: input of {pem.Length} characters exceeds the limit of {maxLength}");
        }

        return pem;
    }

    private static string ToText(ReadOnlySpan<byte> utf8, int maxLength, string what)
    {
        if (utf8.Length > maxLength)
        {
            throw new PemFormatException($"{what}: input of {utf8.Length} bytes exceeds the limit of {maxLength}");
        }

        // Invalid UTF-8 becomes U+FFFD, which is never valid base64, so garbage inside a block is still rejected.
        return Encoding.UTF8.GetString(utf8);
    }

    private static X509Certificate2 LoadCertificate(byte[] der, int index)
    {
        try
        {
            // Only DER X.509 is accepted here; PKCS#12/PKCS#7 content is rejected by this loader.
            var certificate = X509CertificateLoader.LoadCertificate(der);
            // Touch the fields the operator relies on so lazily-parsed garbage fails here, not later.
            _ = certificate.NotAfter;
            _ = certificate.PublicKey.Oid;
            return certificate;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not PkiException)
        {
            throw new PemFormatException($"certificate chain: certificate {index + 1} is not a valid X.509 certificate", ex);
        }
    }

    private static CertificateKey ImportKey(string label, byte[] der)
    {
        AsymmetricAlgorithm? key = null;
        try
        {
            int read;
            switch (label)
            {
                case RsaKeyLabel:
                    var rsa = RSA.Create();
                    key = rsa;
                    rsa.ImportRSAPrivateKey(der, out read);
                    break;
                case EcKeyLabel:
                    var ec = ECDsa.Create();
                    key = ec;
                    ec.ImportECPrivateKey(der, out read);
                    break;
                default:
                    switch (ReadPkcs8AlgorithmOid(der))
                    {
                        case RsaOid:
                            key = RSA.Create();
                            break;
                        case EcPublicKeyOid:
                            key = ECDsa.Create();
                            break;
                        case Ed25519Oid:
                            throw new PemFormatException("private key: " + PrivateKeySpecValidator.UnsupportedEd25519Message);
                        case var other:
                            throw new PemFormatException($"private key: unsupported PKCS#8 key algorithm {other}");
                    }

                    key.ImportPkcs8PrivateKey(der, out read);
                    break;
            }

            if (read != der.Length)
            {
                throw new PemFormatException("private key: trailing data after the key structure");
            }

            var result = key is RSA r ? CertificateKey.FromRsa(r) : CertificateKey.FromEcdsa((ECDsa)key);
            key = null;
            return result;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not PkiException)
        {
            throw new PemFormatException($"private key: \"{label}\" block is not a valid private key", ex);
        }
        finally
        {
            key?.Dispose();
        }
    }

    private static string ReadPkcs8AlgorithmOid(byte[] der)
    {
        // PrivateKeyInfo ::= SEQUENCE { version INTEGER, privateKeyAlgorithm AlgorithmIdentifier, ... }
        var info = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        _ = info.ReadInteger();
        return info.ReadSequence().ReadObjectIdentifier();
    }
}
