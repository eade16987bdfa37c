using System.Text;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki.Keystores;

/// <summary>A leaf key and chain signed by a fresh CA, as the Secret holds them (PEM bytes).</summary>
internal sealed record KeystoreFixture(byte[] KeyPem, byte[] ChainPem, byte[] CaPem)
{
    public static KeystoreFixture Create(KeyAlgorithm algorithm = KeyAlgorithm.Ecdsa, PrivateKeyEncoding encoding = PrivateKeyEncoding.Pkcs8)
    {
        using var caKey = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var now = DateTimeOffset.UtcNow;
        var ca = K8sCertOperator.Pki.SelfSignedIssuer.Issue(caKey, new CertificateTemplate { CommonName = "Keystore Test CA", IsCA = true }, TimeSpan.FromDays(10), now);
        using var signer = CaSigner.FromPem(ca.CertificatePem, caKey.ExportPem(PrivateKeyEncoding.Pkcs8), now);
        using var leafKey = PrivateKeyGenerator.Generate(new PrivateKeySpec(algorithm));
        var issued = signer.Sign(new CertificateTemplate { CommonName = "app.example.com", DnsNames = ["app.example.com"] }, leafKey, TimeSpan.FromDays(1), now);
        var leafPem = PemCodec.EncodeCertificate(PemCodec.DecodeCertificates(issued.CertificatePem)[0]);
        return new KeystoreFixture(
            Encoding.ASCII.GetBytes(leafKey.ExportPem(encoding)),
            Encoding.ASCII.GetBytes(leafPem + ca.CertificatePem),
            Encoding.ASCII.GetBytes(ca.CertificatePem));
    }

    public Dictionary<string, byte[]> SecretData() => new()
    {
        [K8sCertOperator.Policies.SecretKeys.TlsPrivateKey] = KeyPem,
        [K8sCertOperator.Policies.SecretKeys.TlsCertificate] = ChainPem,
        [K8sCertOperator.Policies.SecretKeys.CaCertificate] = CaPem,
    };
}
