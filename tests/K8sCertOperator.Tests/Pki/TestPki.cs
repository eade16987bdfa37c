using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

/// <summary>Builds keys and CA material for PKI tests using the production code paths.</summary>
internal static class TestPki
{
    public static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    // Key generation (especially RSA) is the slow part of these tests; share a few keys per process.
    private static readonly Lazy<string> SharedRsaPem = new(() => Generate(new PrivateKeySpec()));
    private static readonly Lazy<string> SharedEcPem = new(() => Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa)));

    public static CertificateKey Rsa() => PemCodec.DecodePrivateKey(SharedRsaPem.Value);

    public static CertificateKey Ec() => PemCodec.DecodePrivateKey(SharedEcPem.Value);

    public static CertificateTemplate CaTemplate(string cn) => new() { CommonName = cn, IsCA = true };

    /// <summary>A self-signed root CA (PEM cert, key) valid from <see cref="Now"/> for a year.</summary>
    public static (string CertPem, CertificateKey Key) RootCa(string cn = "Test Root CA")
    {
        var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var issued = SelfSignedIssuer.Issue(key, CaTemplate(cn), TimeSpan.FromDays(365), Now);
        return (issued.CertificatePem, key);
    }

    public static X509Certificate2 Single(string pem) => PemCodec.DecodeCertificates(pem)[0];

    private static string Generate(PrivateKeySpec spec)
    {
        using var key = PrivateKeyGenerator.Generate(spec);
        return key.ExportPem(PrivateKeyEncoding.Pkcs8);
    }
}
