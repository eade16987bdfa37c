using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.Pki;

/// <summary>
/// Signs certificates with a CA certificate and key (the CA issuer). Construction checks that the certificate is
/// usable as a CA; failures are <see cref="CaCertificateException"/>.
/// </summary>
public sealed class CaSigner : IDisposable
{
    private readonly IReadOnlyList<X509Certificate2> _chain;
    private readonly CertificateKey _key;
    private readonly bool _ownsInputs;

    private CaSigner(IReadOnlyList<X509Certificate2> chain, CertificateKey key, bool ownsInputs)
    {
        _chain = chain;
        _key = key;
        _ownsInputs = ownsInputs;
    }

    /// <summary>The signing CA certificate (first of the chain).</summary>
    public X509Certificate2 Certificate => _chain[0];

    /// <summary>
    /// Uses <paramref name="caChain"/> (CA certificate first, then its issuers, as in the CA Secret's tls.crt) and the
    /// CA key. The caller keeps ownership of both.
    /// </summary>
    public static CaSigner Create(IReadOnlyList<X509Certificate2> caChain, CertificateKey caKey, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(caChain);
        ArgumentNullException.ThrowIfNull(caKey);
        if (caChain.Count == 0)
        {
            throw new CaCertificateException("CA certificate chain is empty");
        }

        EnsureUsableCa(caChain[0], caKey, now);
        return new CaSigner(caChain, caKey, ownsInputs: false);
    }

    /// <summary>Decodes a CA Secret's tls.crt and tls.key; PEM problems are <see cref="PemFormatException"/>.</summary>
    public static CaSigner FromPem(string? tlsCrt, string? tlsKey, DateTimeOffset now)
    {
        var chain = PemCodec.DecodeCertificates(tlsCrt);
        CertificateKey? key = null;
        try
        {
            key = PemCodec.DecodePrivateKey(tlsKey);
            EnsureUsableCa(chain[0], key, now);
            var signer = new CaSigner(chain, key, ownsInputs: true);
            key = null;
            chain = [];
            return signer;
        }
        finally
        {
            key?.Dispose();
            foreach (var c in chain)
            {
                c.Dispose();
            }
        }
    }

    /// <summary>
    /// Issues a certificate for <paramref name="subjectPublicKey"/>. notBefore is <paramref name="now"/> and notAfter is
    /// now + duration clipped to the CA's notAfter. tls.crt = leaf + CA chain without a self-signed root (as
    /// cert-manager does); ca.crt = the top-most certificate of the CA chain. <paramref name="issuerUrls"/> (the CA
    /// issuer's CRL, OCSP and issuing-certificate URLs) go into the certificate.
    /// </summary>
    public IssuedCertificate Sign(CertificateTemplate template, PublicKey subjectPublicKey, TimeSpan duration, DateTimeOffset now, IssuerUrls? issuerUrls = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(subjectPublicKey);
        CertificateTemplateEncoder.EnsureValid(template);
        CertificateFactory.EnsurePositive(duration);
        EnsureUsableCa(Certificate, _key, now);

        var notBefore = CertificateFactory.TruncateToSeconds(now);
        var caNotAfter = new DateTimeOffset(Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var notAfter = notBefore + duration;
        if (notAfter > caNotAfter)
        {
            notAfter = caNotAfter;
        }

        using var leaf = CertificateFactory.Create(
            template, subjectPublicKey, Certificate.SubjectName, _key, AuthorityKeyIdFor(Certificate), notBefore, notAfter, issuerUrls);
        var tlsCrt = PemCodec.EncodeCertificate(leaf)
            + PemCodec.EncodeCertificates(_chain.Where(c => !IsSelfIssued(c)));
        return new IssuedCertificate(tlsCrt, PemCodec.EncodeCertificate(_chain[^1]));
    }

    /// <summary>Convenience overload for a key the operator holds.</summary>
    public IssuedCertificate Sign(CertificateTemplate template, CertificateKey subjectKey, TimeSpan duration, DateTimeOffset now, IssuerUrls? issuerUrls = null)
    {
        ArgumentNullException.ThrowIfNull(subjectKey);
        return Sign(template, subjectKey.GetPublicKey(), duration, now, issuerUrls);
    }

    public void Dispose()
    {
        if (_ownsInputs)
        {
            _key.Dispose();
            foreach (var c in _chain)
            {
                c.Dispose();
            }
        }
    }

    private static void EnsureUsableCa(X509Certificate2 ca, CertificateKey key, DateTimeOffset now)
    {
        var info = CertificateInfo.FromCertificate(ca);
        if (!info.IsCA)
        {
            throw new CaCertificateException("the CA certificate does not have basicConstraints CA=true");
        }

        if (ca.Extensions["2.5.29.15"] is null || !info.KeyUsage.HasFlag(X509KeyUsageFlags.KeyCertSign))
        {
            throw new CaCertificateException("the CA certificate does not allow certificate signing (keyUsage keyCertSign)");
        }

        if (!key.PublicKeyMatches(ca))
        {
            throw new CaCertificateException("the CA private key does not match the CA certificate");
        }

        if (info.NotAfter <= now)
        {
            throw new CaCertificateException($"the CA certificate expired at {info.NotAfter:O}");
        }
    }

    private static X509AuthorityKeyIdentifierExtension AuthorityKeyIdFor(X509Certificate2 ca)
    {
        // Prefer the CA's own subjectKeyIdentifier so AKI/SKI chaining matches what the CA advertises.
        var ski = ca.Extensions.OfType<X509SubjectKeyIdentifierExtension>().FirstOrDefault()
            ?? new X509SubjectKeyIdentifierExtension(ca.PublicKey, critical: false);
        return X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(ski);
    }

    // Self-issued (subject == issuer) is how we spot a root; such roots are left out of tls.crt like cert-manager does.
    private static bool IsSelfIssued(X509Certificate2 c) => c.SubjectName.RawData.AsSpan().SequenceEqual(c.IssuerName.RawData);
}
