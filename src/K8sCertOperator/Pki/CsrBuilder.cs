namespace K8sCertOperator.Pki;

/// <summary>Builds PKCS#10 certificate signing requests from a key and a <see cref="CertificateTemplate"/>.</summary>
public static class CsrBuilder
{
    /// <summary>
    /// DER of a CSR signed by <paramref name="key"/>. Throws <see cref="InvalidCertificateTemplateException"/>
    /// listing every invalid name/subject field/usage.
    /// </summary>
    public static byte[] BuildDer(CertificateKey key, CertificateTemplate template)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(template);
        CertificateTemplateEncoder.EnsureValid(template);
        var subject = CertificateTemplateEncoder.BuildSubject(template);
        var request = key.CreateRequest(subject, SignatureAlgorithms.HashOrThrow(template.SignatureAlgorithm, key));
        foreach (var extension in CertificateTemplateEncoder.BuildExtensions(template, subject.RawData.Length <= 2, forRequest: true))
        {
            request.CertificateExtensions.Add(extension);
        }

        return request.CreateSigningRequest();
    }

    /// <summary>PEM ("CERTIFICATE REQUEST") of the same CSR.</summary>
    public static string BuildPem(CertificateKey key, CertificateTemplate template)
        => PemCodec.EncodeCertificateRequest(BuildDer(key, template));
}
