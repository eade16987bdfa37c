using System.Text;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

public class PemCodecTests
{
    private static readonly Lazy<string> LeafPem = new(() =>
    {
        using var key = TestPki.Ec();
        return SelfSignedIssuer.Issue(key, new CertificateTemplate { DnsNames = ["pem.example.com"] }, TimeSpan.FromDays(1), TestPki.Now).CertificatePem;
    });

    private static string Leaf => LeafPem.Value;

    private static string Body(string pem) => string.Concat(pem.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));

    [Fact]
    public void DecodesChainInOrder()
    {
        var (rootPem, rootKey) = TestPki.RootCa("Order Root");
        using (rootKey)
        {
            var certs = PemCodec.DecodeCertificates(Leaf + rootPem);
            Assert.Equal(2, certs.Count);
            Assert.Equal("CN=Order Root", certs[1].Subject);
            Assert.Equal(PemCodec.EncodeCertificates(certs), Leaf + rootPem);
        }
    }

    [Fact]
    public void ToleratesCrlfLeadingTextAndTrailingWhitespace()
    {
        var messy = "Bag Attributes\r\n    localKeyID: 01 02\r\nsubject=/CN=x\r\n"
            + Leaf.Replace("\n", "\r\n", StringComparison.Ordinal).Replace("-----END", "  \t-----END", StringComparison.Ordinal)
            + "\r\n\r\n   \t\r\n";
        var certs = PemCodec.DecodeCertificates(messy);
        Assert.Single(certs);
        Assert.Equal(Body(Leaf), Body(PemCodec.EncodeCertificate(certs[0])));
        Assert.Single(PemCodec.DecodeCertificates(Encoding.UTF8.GetBytes(messy)));
    }

    [Fact]
    public void TenCertificatesAllowedElevenRejected()
    {
        Assert.Equal(10, PemCodec.DecodeCertificates(string.Concat(Enumerable.Repeat(Leaf, 10))).Count);
        var ex = Assert.Throws<PemFormatException>(() => PemCodec.DecodeCertificates(string.Concat(Enumerable.Repeat(Leaf, 11))));
        Assert.Contains("more than 10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThousandCertificatesRejected()
    {
        var ex = Assert.Throws<PemFormatException>(() => PemCodec.DecodeCertificates(string.Concat(Enumerable.Repeat(Leaf, 1000))));
        Assert.Contains("more than 10", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TenMegabyteInputRejectedBeforeParsing()
    {
        var huge = Leaf + new string('A', 10 * 1024 * 1024);
        Assert.Contains("exceeds the limit", Assert.Throws<PemFormatException>(() => PemCodec.DecodeCertificates(huge)).Message, StringComparison.Ordinal);
        Assert.Contains("exceeds the limit", Assert.Throws<PemFormatException>(() => PemCodec.DecodePrivateKey(huge)).Message, StringComparison.Ordinal);
        Assert.Throws<PemFormatException>(() => PemCodec.DecodeCertificates(Encoding.ASCII.GetBytes(huge)));
        Assert.Throws<PemFormatException>(() => CsrParser.ParsePem(huge));
    }

    [Fact]
    public void OversizedSingleCertificateBlockRejected()
    {
        var body = string.Join("\n", Enumerable.Repeat(new string('A', 64), 2000)); // ~96 KiB of DER
        var ex = Assert.Throws<PemFormatException>(() => PemCodec.DecodeCertificates($"-----BEGIN CERTIFICATE-----\n{body}\n-----END CERTIFICATE-----\n"));
        Assert.Contains("exceeds the limit", ex.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> BadChains => new()
    {
        { "", "no PEM data" },
        { "   \n ", "no PEM data" },
        { "hello world", "no CERTIFICATE PEM block found" },
        { "-----BEGIN CERTIFICATE-----\nMIIB\n", "no END line" },
        { "-----BEGIN CERTIFICATE-----\n!!!!notbase64$$$\n-----END CERTIFICATE-----\n", "not valid base64" },
        { "-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n", "is empty" },
        { "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", "not a valid X.509 certificate" },
        { "-----BEGIN CERTIFICATE-----\nAAAA\n-----END PUBLIC KEY-----\n", "does not match" },
        { "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", "unexpected PEM block \"PUBLIC KEY\"" },
        { "-----BEGIN -----\nAAAA\n-----END -----\n", "invalid PEM label" },
        { "-----BEGIN CERTIFICATE\nAAAA\n", "malformed PEM boundary" },
        { "-----BEGIN CERTIFICATE-----\nProc-Type: 4,ENCRYPTED\nAAAA\n-----END CERTIFICATE-----\n", "encrypted" },
    };

    [Theory]
    [MemberData(nameof(BadChains))]
    public void BadChainInputGivesTypedError(string input, string messagePart)
    {
        var ex = Assert.Throws<PemFormatException>(() => PemCodec.DecodeCertificates(input));
        Assert.Contains(messagePart, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullInputGivesTypedError()
    {
        Assert.Throws<PemFormatException>(() => PemCodec.DecodeCertificates((string?)null));
        Assert.Throws<PemFormatException>(() => PemCodec.DecodePrivateKey((string?)null));
    }

    [Fact]
    public void TruncatedCertificateRejected()
    {
        var cut = Leaf[..(Leaf.Length / 2)];
        Assert.Throws<PemFormatException>(() => PemCodec.DecodeCertificates(cut));
        // Truncated body but intact END line: base64 still decodes, DER does not.
        var lines = Leaf.Split('\n');
        var shortened = string.Join('\n', lines.Take(3).Concat(lines.Skip(lines.Length - 2)));
        Assert.Throws<PemFormatException>(() => PemCodec.DecodeCertificates(shortened));
    }

    [Fact]
    public void KeyWithWrongLabelRejected()
    {
        var ex = Assert.Throws<PemFormatException>(() => PemCodec.DecodePrivateKey(Leaf));
        Assert.Contains("unexpected PEM block \"CERTIFICATE\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EncryptedPkcs8KeyRejected()
    {
        using var key = TestPki.Ec();
        var encrypted = key.Ecdsa!.ExportEncryptedPkcs8PrivateKeyPem("pw", new System.Security.Cryptography.PbeParameters(
            System.Security.Cryptography.PbeEncryptionAlgorithm.Aes128Cbc, System.Security.Cryptography.HashAlgorithmName.SHA256, 1000));
        var ex = Assert.Throws<PemFormatException>(() => PemCodec.DecodePrivateKey(encrypted));
        Assert.Contains("encrypted", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ed25519Pkcs8KeyRejectedClearly()
    {
        // Generated with `openssl genpkey -algorithm ed25519` (test-only key).
        const string pem = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIH0zUcGEe2A6bkXeyTNxUSwtlI5TVF7U6KVqfZ9YenJ4\n-----END PRIVATE KEY-----\n";
        var ex = Assert.Throws<PemFormatException>(() => PemCodec.DecodePrivateKey(pem));
        Assert.Contains("Ed25519", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EcParametersBlockBeforeSec1KeyAccepted()
    {
        using var key = TestPki.Ec();
        var pem = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n" + key.ExportPem(PrivateKeyEncoding.Pkcs1);
        using var parsed = PemCodec.DecodePrivateKey(pem);
        Assert.Equal(256, parsed.Size);
    }

    [Fact]
    public void TwoKeysRejected()
    {
        using var key = TestPki.Ec();
        var pem = key.ExportPem(PrivateKeyEncoding.Pkcs1);
        Assert.Contains("more than one", Assert.Throws<PemFormatException>(() => PemCodec.DecodePrivateKey(pem + pem)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyLabelMismatchedWithContentRejected()
    {
        using var key = TestPki.Rsa();
        var pkcs1AsEc = key.ExportPem(PrivateKeyEncoding.Pkcs1).Replace("RSA PRIVATE KEY", "EC PRIVATE KEY", StringComparison.Ordinal);
        Assert.Throws<PemFormatException>(() => PemCodec.DecodePrivateKey(pkcs1AsEc));
    }

    [Fact]
    public void GarbledKeyErrorNeverContainsKeyMaterial()
    {
        using var key = TestPki.Rsa();
        var pem = key.ExportPem(PrivateKeyEncoding.Pkcs1);
        var lines = pem.Split('\n');
        lines[5] = "ZZZZ" + lines[5][4..];
        var garbled = string.Join('\n', lines);
        var ex = Assert.Throws<PemFormatException>(() => PemCodec.DecodePrivateKey(garbled));
        foreach (var line in lines.Where(l => l.Length > 8 && !l.StartsWith("-----", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(line, ex.ToString(), StringComparison.Ordinal);
        }
    }

    public static TheoryData<string> PathologicalInputs => new()
    {
        // Each is just under the 1 MiB chain limit and must be handled by the single linear pass.
        string.Concat(Enumerable.Repeat("-----BEGIN CERTIFICATE-----\n", 37_000)),
        string.Concat(Enumerable.Repeat("-----BEGIN CERTIFICATE-----\n-----END CERTIFICATE-----\n", 18_000)),
        new string('A', 1_000_000),
        "-----BEGIN CERTIFICATE-----\n" + new string('A', 1_000_000),
        string.Concat(Enumerable.Repeat("-----BEGIN X", 80_000)),
        string.Concat(Enumerable.Repeat("\r\n", 500_000)),
    };

    [Theory]
    [MemberData(nameof(PathologicalInputs))]
    public void PathologicalInputsFailCleanly(string input)
    {
        Assert.Throws<PemFormatException>(() => PemCodec.DecodeCertificates(input));
    }

    [Fact]
    public void CsrPemRoundTrip()
    {
        using var key = TestPki.Ec();
        var pem = CsrBuilder.BuildPem(key, new CertificateTemplate { DnsNames = ["csr.example.com"] });
        Assert.StartsWith("-----BEGIN CERTIFICATE REQUEST-----", pem, StringComparison.Ordinal);
        Assert.Equal(["csr.example.com"], CsrParser.ParsePem(pem).SubjectAltNames.DnsNames);

        var der = CsrBuilder.BuildDer(key, new CertificateTemplate { CommonName = "x" });
        Assert.Equal(der, PemCodec.DecodeCertificateRequestDer(PemCodec.EncodeCertificateRequest(der)));
    }
}
