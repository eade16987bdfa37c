using K8sCertOperator.Controllers.CertificateRequests;
using K8sCertOperator.Pki;
using K8sCertOperator.Tests.Pki;

namespace K8sCertOperator.Tests.Controllers.CertificateRequests;

public class ExternalIssuerResultCheckTests
{
    // what, key of the certificate (csr / other), its names, chain shape, expected problem fragment (null: usable)
    public static TheoryData<string, bool, string[], string, string?> Cases() => new()
    {
        { "leaf + CA for the CSR", true, ["web.example.com", "www.example.com"], "leaf+ca", null },
        { "leaf only", true, ["web.example.com", "www.example.com"], "leaf", null },
        { "names in another order and case", true, ["WWW.example.com", "web.example.com"], "leaf", null },
        { "other key", false, ["web.example.com", "www.example.com"], "leaf+ca", "public key" },
        { "a name missing", true, ["web.example.com"], "leaf+ca", "DNS names" },
        { "a name added", true, ["web.example.com", "www.example.com", "evil.example.com"], "leaf+ca", "DNS names" },
        { "chain out of order", true, ["web.example.com", "www.example.com"], "leaf+other-ca", "not issued by" },
        { "not PEM", true, [], "garbage", "does not parse" },
        { "empty", true, [], "empty", "does not parse" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Checks(string what, bool csrKey, string[] dnsNames, string chainShape, string? problem)
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        using var other = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var csr = CsrParser.ParsePem(CertificateRequestObjects.CsrPem(key));
        var (caPem, caKey) = TestPki.RootCa("External CA");
        var (otherCaPem, otherCaKey) = TestPki.RootCa("Another CA");
        using (caKey)
        using (otherCaKey)
        {
            var template = CertificateRequestObjects.WebTemplate with { DnsNames = dnsNames };
            using var caCert = TestPki.Single(caPem);
            using var signer = CaSigner.Create([caCert], caKey, TestPki.Now);
            var leaf = signer.Sign(template, csrKey ? key : other, TimeSpan.FromDays(30), TestPki.Now).CertificatePem;
            var leafOnly = PemCodec.EncodeCertificate(TestPki.Single(leaf));
            var pem = chainShape switch
            {
                "leaf+ca" => leafOnly + caPem,
                "leaf" => leafOnly,
                "leaf+other-ca" => leafOnly + otherCaPem,
                "garbage" => "hello",
                _ => "",
            };

            var found = ExternalIssuerResultCheck.Problem(csr, pem);

            if (problem is null)
            {
                Assert.True(found is null, what + ": " + found);
            }
            else
            {
                Assert.True(found?.Contains(problem, StringComparison.Ordinal) == true, what + ": " + found);
            }
        }
    }
}
