using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace K8sCertOperator.IntegrationTests.Fixtures.AcmeDouble;

/// <summary>The double's CA: a throw-away EC root that signs each finalized order's CSR for exactly the order's names.</summary>
internal sealed class DoubleCa : IDisposable
{
    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    public DoubleCa()
    {
        var request = new CertificateRequest("CN=ACME double root", _key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        Root = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
    }

    public X509Certificate2 Root { get; }

    /// <summary>Signs <paramref name="csrDer"/>; throws <see cref="ArgumentException"/> when its names are not exactly <paramref name="names"/>.</summary>
    public X509Certificate2 Issue(byte[] csrDer, IReadOnlyList<string> names, TimeSpan validity)
    {
        var csr = CertificateRequest.LoadSigningRequest(csrDer, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        var requested = csr.CertificateExtensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(e => e.EnumerateDnsNames())
            .Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        var ordered = names.Select(n => n.ToLowerInvariant()).Order(StringComparer.Ordinal).ToList();
        if (!requested.SequenceEqual(ordered))
        {
            throw new ArgumentException($"the CSR names [{string.Join(", ", requested)}], the order [{string.Join(", ", ordered)}]");
        }
        var leaf = new CertificateRequest(new X500DistinguishedName(""), csr.PublicKey, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        foreach (var name in names)
        {
            san.AddDnsName(name);
        }
        leaf.CertificateExtensions.Add(san.Build(critical: true));
        leaf.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        leaf.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        leaf.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(Root, includeKeyIdentifier: true, includeIssuerAndSerial: false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x3f) | 0x40); // positive, minimal DER
        var notBefore = DateTimeOffset.UtcNow.AddMinutes(-1);
        return leaf.Create(Root.SubjectName, X509SignatureGenerator.CreateForECDsa(_key), notBefore, notBefore + validity, serial);
    }

    /// <summary>The serial half of an RFC 9773 CertID (base64url of the serial's content octets), by which ARI finds a certificate.</summary>
    public static string SerialPart(X509Certificate2 certificate) =>
        System.Buffers.Text.Base64Url.EncodeToString(certificate.SerialNumberBytes.Span);

    public void Dispose()
    {
        Root.Dispose();
        _key.Dispose();
    }
}
