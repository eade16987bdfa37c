using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

public class LeafKeyCheckTests
{
    private const string DoesNotParse = "does not parse";

    // what, key the leaf is issued for, chain shape, key expected, expected problem fragment (null: usable)
    public static TheoryData<string, string, string, string, string?> Cases() => new()
    {
        { "EC leaf + CA", "ec", "leaf+ca", "ec", null },
        { "EC leaf only", "ec", "leaf", "ec", null },
        { "RSA leaf + CA", "rsa", "leaf+ca", "rsa", null },
        { "RSA key written without NULL parameters", "rsa", "leaf", "rsa-no-parameters", null },
        { "leaf for another EC key", "other-ec", "leaf+ca", "ec", LeafKeyCheck.OtherKey },
        { "RSA leaf, EC key expected", "rsa", "leaf", "ec", LeafKeyCheck.OtherKey },
        { "EC leaf, RSA key expected", "ec", "leaf", "rsa", LeafKeyCheck.OtherKey },
        { "CA first: the leaf is what comes first", "ec", "ca+leaf", "ec", LeafKeyCheck.OtherKey },
        { "not PEM", "ec", "garbage", "ec", DoesNotParse },
        { "empty", "ec", "empty", "ec", DoesNotParse },
        { "a PEM block that is no certificate", "ec", "bad-block", "ec", DoesNotParse },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Checks(string what, string leafKey, string chainShape, string expectedKey, string? problem)
    {
        using var ec = TestPki.Ec();
        using var rsa = TestPki.Rsa();
        using var otherEc = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var (caPem, caKey) = TestPki.RootCa("Leaf Check CA");
        using (caKey)
        {
            using var caCert = TestPki.Single(caPem);
            using var signer = CaSigner.Create([caCert], caKey, TestPki.Now);
            var subject = leafKey switch { "rsa" => rsa, "other-ec" => otherEc, _ => ec };
            var issued = signer.Sign(new CertificateTemplate { DnsNames = ["leaf.example"] }, subject, TimeSpan.FromDays(30), TestPki.Now);
            using var leafCert = TestPki.Single(issued.CertificatePem);
            var leaf = PemCodec.EncodeCertificate(leafCert);
            var pem = chainShape switch
            {
                "leaf+ca" => leaf + caPem,
                "leaf" => leaf,
                "ca+leaf" => caPem + leaf,
                "garbage" => "hello",
                "bad-block" => "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n",
                _ => "",
            };
            var expected = expectedKey switch
            {
                "rsa" => rsa.GetPublicKey(),
                // The same RSA key with its AlgorithmIdentifier parameters absent instead of NULL.
                "rsa-no-parameters" => new PublicKey(rsa.GetPublicKey().Oid, null, rsa.GetPublicKey().EncodedKeyValue),
                _ => ec.GetPublicKey(),
            };

            var found = LeafKeyCheck.Problem(pem, expected);

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
