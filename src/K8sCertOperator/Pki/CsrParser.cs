using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>Parses and signature-checks PKCS#10 requests; every failure is a <see cref="PemFormatException"/>.</summary>
public static class CsrParser
{
    private static readonly ParseMemo<ParsedCertificateRequest> Verified = new(1024);

    /// <summary>Parses a "CERTIFICATE REQUEST" PEM.</summary>
    public static ParsedCertificateRequest ParsePem(string? pem) => ParseDer(PemCodec.DecodeCertificateRequestDer(pem));

    /// <summary>
    /// Parses DER; the self-signature must verify and no bytes may follow the request. Equal bytes are parsed and
    /// verified once (<see cref="ParseMemo{T}"/>): callers share the result and must not change it.
    /// </summary>
    public static ParsedCertificateRequest ParseDer(ReadOnlySpan<byte> der)
    {
        if (der.IsEmpty || der.Length > PemLimits.MaxCsrDerLength)
        {
            throw new PemFormatException($"certificate request: DER must be 1..{PemLimits.MaxCsrDerLength} bytes");
        }

        var digest = ParseDigest.Of(der);
        return Verified.TryGet(digest, out var known) ? known : Verified.Remember(digest, Read(der));
    }

    private static ParsedCertificateRequest Read(ReadOnlySpan<byte> der)
    {
        try
        {
            // The hash argument only seeds the returned builder; the signature is verified with the CSR's own algorithm.
            var request = CertificateRequest.LoadSigningRequest(
                der,
                HashAlgorithmName.SHA256,
                out int consumed,
                CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
            if (consumed != der.Length)
            {
                throw new PemFormatException("certificate request: trailing data after the request");
            }

            var extensions = request.CertificateExtensions.ToList();
            var sans = SubjectAltNames.Empty;
            foreach (var extension in extensions)
            {
                if (extension.Oid?.Value == SubjectAltNameCodec.Oid)
                {
                    sans = SubjectAltNameCodec.Decode(extension.RawData);
                }
            }

            return new ParsedCertificateRequest(
                request.SubjectName,
                DistinguishedNames.CommonName(request.SubjectName),
                request.PublicKey,
                sans,
                extensions)
            {
                SignatureAlgorithmOid = ReadSignatureAlgorithmOid(der),
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not PkiException)
        {
            throw new PemFormatException("certificate request: not a valid, correctly signed PKCS#10 request", ex);
        }
    }

    // CertificationRequest ::= SEQUENCE { certificationRequestInfo, signatureAlgorithm AlgorithmIdentifier, signature BIT STRING }
    private static string ReadSignatureAlgorithmOid(ReadOnlySpan<byte> der)
    {
        var request = new AsnReader(der.ToArray(), AsnEncodingRules.DER).ReadSequence();
        request.ReadEncodedValue();
        return request.ReadSequence().ReadObjectIdentifier();
    }
}
