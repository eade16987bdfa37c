using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

public class SelfSignedIssuerTests
{
    [Fact]
    public void IssuesSelfSignedCertificateWhoseCaIsItself()
    {
        using var key = TestPki.Rsa();
        var template = new CertificateTemplate
        {
            CommonName = "self.example.com",
            DnsNames = ["self.example.com", "*.self.example.com"],
            IpAddresses = ["127.0.0.1"],
            Uris = ["spiffe://td/ns/x"],
            EmailAddresses = ["ops@example.com"],
            Usages = ["server auth", "client auth"],
        };
        var issued = SelfSignedIssuer.Issue(key, template, TimeSpan.FromHours(2), TestPki.Now.AddTicks(1234567));

        Assert.Equal(issued.CertificatePem, issued.CaPem);
        using var cert = TestPki.Single(issued.CertificatePem);
        Assert.True(key.PublicKeyMatches(cert));
        Assert.Equal(cert.Subject, cert.Issuer);

        var info = CertificateInfo.FromCertificate(cert);
        var fromPem = CertificateInfo.FromPem(issued.CertificatePem);
        Assert.Equal((info.SerialNumberHex, info.CommonName, info.NotAfter), (fromPem.SerialNumberHex, fromPem.CommonName, fromPem.NotAfter));
        Assert.Equal(TestPki.Now, info.NotBefore); // sub-second part truncated
        Assert.Equal(TestPki.Now.AddHours(2), info.NotAfter);
        Assert.Equal(template.DnsNames, info.SubjectAltNames.DnsNames);
        Assert.Equal(template.IpAddresses, info.SubjectAltNames.IpAddresses);
        Assert.Equal(template.Uris, info.SubjectAltNames.Uris);
        Assert.Equal(template.EmailAddresses, info.SubjectAltNames.EmailAddresses);
        Assert.Equal(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"], info.ExtendedKeyUsageOids);
        Assert.Equal(KeyAlgorithm.Rsa, info.PublicKeyAlgorithm);
        Assert.Equal(2048, info.PublicKeySize);

        // A self-signed certificate verifies against itself as the only root.
        Assert.True(ChainVerifier.Verify(cert, [], [cert], TestPki.Now.AddHours(1)).Ok);
    }

    [Fact]
    public void SelfSignedCaCanSign()
    {
        var (rootPem, rootKey) = TestPki.RootCa("SS CA");
        using (rootKey)
        {
            var info = CertificateInfo.FromCertificate(TestPki.Single(rootPem));
            Assert.True(info.IsCA);
            Assert.True(info.KeyUsage.HasFlag(X509KeyUsageFlags.KeyCertSign));
            Assert.Equal(KeyAlgorithm.Ecdsa, info.PublicKeyAlgorithm);
            Assert.Equal(256, info.PublicKeySize);
            Assert.Null(info.AuthorityKeyIdentifier);
        }
    }

    [Fact]
    public void SerialNumbersArePositiveAndUnique()
    {
        using var key = TestPki.Ec();
        var serials = Enumerable.Range(0, 20)
            .Select(_ => CertificateInfo.FromCertificate(TestPki.Single(
                SelfSignedIssuer.Issue(key, new CertificateTemplate { CommonName = "s" }, TimeSpan.FromHours(1), TestPki.Now).CertificatePem)))
            .ToList();
        Assert.Equal(20, serials.Select(s => s.SerialNumberHex).Distinct().Count());
        Assert.All(serials, s =>
        {
            Assert.Equal(16, s.SerialNumber.Length);
            Assert.InRange(s.SerialNumber[0], 0x40, 0x7F);
            Assert.Equal(Convert.ToHexString(s.SerialNumber), s.SerialNumberHex);
        });
    }
}
