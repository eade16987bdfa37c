namespace K8sCertOperator.Pki;

/// <summary>Issues a certificate signed by its own key (the SelfSigned issuer); ca.crt is the certificate itself.</summary>
public static class SelfSignedIssuer
{
    /// <summary>
    /// Throws <see cref="InvalidCertificateTemplateException"/> for invalid templates or a non-positive duration.
    /// <paramref name="issuerUrls"/> carries the issuer's crlDistributionPoints.
    /// </summary>
    public static IssuedCertificate Issue(CertificateKey key, CertificateTemplate template, TimeSpan duration, DateTimeOffset now, IssuerUrls? issuerUrls = null)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(template);
        CertificateTemplateEncoder.EnsureValid(template);
        CertificateFactory.EnsurePositive(duration);
        var notBefore = CertificateFactory.TruncateToSeconds(now);
        var subject = CertificateTemplateEncoder.BuildSubject(template);
        using var certificate = CertificateFactory.Create(
            template, key.GetPublicKey(), subject, key, authorityKeyId: null, notBefore, notBefore + duration, issuerUrls);
        var pem = PemCodec.EncodeCertificate(certificate);
        return new IssuedCertificate(pem, pem);
    }
}
