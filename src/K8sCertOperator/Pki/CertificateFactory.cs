using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>Shared certificate construction for the self-signed and CA signers.</summary>
internal static class CertificateFactory
{
    private const int SerialLength = 16;

    /// <summary>
    /// Issues a certificate for <paramref name="subjectKey"/> described by <paramref name="template"/>, signed by
    /// <paramref name="signer"/> under <paramref name="issuerName"/>, carrying the issuer's URLs. The template must
    /// already be valid; a signatureAlgorithm the signer's key cannot make is an <see cref="InvalidCertificateTemplateException"/>.
    /// </summary>
    public static X509Certificate2 Create(
        CertificateTemplate template,
        PublicKey subjectKey,
        X500DistinguishedName issuerName,
        CertificateKey signer,
        X509AuthorityKeyIdentifierExtension? authorityKeyId,
        DateTimeOffset notBefore,
        DateTimeOffset notAfter,
        IssuerUrls? issuerUrls = null)
    {
        var subject = CertificateTemplateEncoder.BuildSubject(template);
        var request = new CertificateRequest(
            subject,
            subjectKey,
            SignatureAlgorithms.HashOrThrow(template.SignatureAlgorithm, signer),
            signer.Algorithm == KeyAlgorithm.Rsa ? RSASignaturePadding.Pkcs1 : null);
        foreach (var extension in CertificateTemplateEncoder.BuildExtensions(template, subject.RawData.Length <= 2))
        {
            request.CertificateExtensions.Add(extension);
        }

        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(subjectKey, critical: false));
        if (authorityKeyId is not null)
        {
            request.CertificateExtensions.Add(authorityKeyId);
        }

        foreach (var extension in IssuerUrlExtensions.Build(issuerUrls ?? IssuerUrls.None))
        {
            request.CertificateExtensions.Add(extension);
        }

        return request.Create(issuerName, signer.CreateSignatureGenerator(), notBefore, notAfter, NewSerialNumber());
    }

    /// <summary>Validity start: now truncated to whole seconds, since X.509 times carry no fractions.</summary>
    public static DateTimeOffset TruncateToSeconds(DateTimeOffset t)
    {
        var utc = t.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    public static void EnsurePositive(TimeSpan duration)
    {
        if (duration <= TimeSpan.Zero)
        {
            throw new InvalidCertificateTemplateException([$"duration must be positive, got {duration}"]);
        }
    }

    private static byte[] NewSerialNumber()
    {
        // 128 random bits, first byte forced into 0x40..0x7F: positive and minimally encoded (RFC 5280 4.1.2.2).
        var serial = RandomNumberGenerator.GetBytes(SerialLength);
        serial[0] = (byte)((serial[0] & 0x3F) | 0x40);
        return serial;
    }
}
