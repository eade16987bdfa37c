using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

public class CsrBuilderTests
{
    private static readonly CertificateTemplate Full = new()
    {
        CommonName = "www.example.com",
        Subject = new CertificateSubject
        {
            Organizations = ["Example Org"],
            OrganizationalUnits = ["Ops"],
            Countries = ["DE"],
            Localities = ["Berlin"],
            Provinces = ["BE"],
            StreetAddresses = ["Hauptstr. 1"],
            PostalCodes = ["10115"],
            SerialNumber = "1234-AB",
        },
        DnsNames = ["www.example.com", "*.example.com", "xn--mnchen-3ya.de"],
        IpAddresses = ["192.0.2.10", "2001:db8::10"],
        Uris = ["spiffe://cluster.local/ns/default/sa/web"],
        EmailAddresses = ["admin@example.com"],
        Usages = ["digital signature", "key encipherment", "server auth", "client auth"],
    };

    public static TheoryData<string> KeyKinds => new() { "rsa", "ec256", "ec384" };

    private static CertificateKey KeyFor(string kind) => kind switch
    {
        "rsa" => TestPki.Rsa(),
        "ec256" => TestPki.Ec(),
        _ => PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa, 384)),
    };

    [Theory]
    [MemberData(nameof(KeyKinds))]
    public void CsrCarriesEverythingRequestedAndVerifies(string kind)
    {
        using var key = KeyFor(kind);
        var der = CsrBuilder.BuildDer(key, Full);

        // Independent decode with the BCL; LoadSigningRequest verifies the self-signature by default.
        var request = CertificateRequest.LoadSigningRequest(der, HashAlgorithmName.SHA256,
            CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        Assert.True(key.PublicKeyMatches(request.PublicKey));

        var subject = request.SubjectName.Name;
        foreach (var part in new[] { "CN=www.example.com", "O=Example Org", "OU=Ops", "C=DE", "L=Berlin", "S=BE", "STREET=Hauptstr. 1", "SERIALNUMBER=1234-AB", "10115" })
        {
            Assert.Contains(part, subject, StringComparison.Ordinal);
        }

        var san = Assert.Single(request.CertificateExtensions.OfType<X509SubjectAlternativeNameExtension>());
        Assert.False(san.Critical);
        Assert.Equal(Full.DnsNames, san.EnumerateDnsNames().ToList());
        Assert.Equal(Full.IpAddresses.Select(IPAddress.Parse), san.EnumerateIPAddresses().ToList());

        var ku = Assert.Single(request.CertificateExtensions.OfType<X509KeyUsageExtension>());
        Assert.True(ku.Critical);
        Assert.Equal(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, ku.KeyUsages);

        var eku = Assert.Single(request.CertificateExtensions.OfType<X509EnhancedKeyUsageExtension>());
        Assert.Equal(["1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2"], eku.EnhancedKeyUsages.Cast<Oid>().Select(o => o.Value));

        var bc = Assert.Single(request.CertificateExtensions.OfType<X509BasicConstraintsExtension>());
        Assert.False(bc.CertificateAuthority);

        // Our own parser sees the same, including URI and e-mail SANs the BCL extension type does not enumerate.
        var parsed = CsrParser.ParseDer(der);
        Assert.Equal("www.example.com", parsed.CommonName);
        Assert.Equal(Full.DnsNames, parsed.SubjectAltNames.DnsNames);
        Assert.Equal(["192.0.2.10", "2001:db8::10"], parsed.SubjectAltNames.IpAddresses);
        Assert.Equal(Full.Uris, parsed.SubjectAltNames.Uris);
        Assert.Equal(Full.EmailAddresses, parsed.SubjectAltNames.EmailAddresses);
    }

    [Theory]
    [InlineData("rsa", "1.2.840.113549.1.1.11")]   // sha256WithRSAEncryption
    [InlineData("ec256", "1.2.840.10045.4.3.2")]   // ecdsa-with-SHA256
    [InlineData("ec384", "1.2.840.10045.4.3.3")]   // ecdsa-with-SHA384
    public void SignatureAlgorithmFollowsKey(string kind, string expectedOid)
    {
        using var key = KeyFor(kind);
        var der = CsrBuilder.BuildDer(key, new CertificateTemplate { CommonName = "h" });
        // CertificationRequest ::= SEQUENCE { certificationRequestInfo, signatureAlgorithm, signature }
        var csr = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        csr.ReadEncodedValue();
        Assert.Equal(expectedOid, csr.ReadSequence().ReadObjectIdentifier());
    }

    [Fact]
    public void CaRequestHasBasicConstraintsAndCertSign()
    {
        using var key = TestPki.Ec();
        var request = CertificateRequest.LoadSigningRequest(
            CsrBuilder.BuildDer(key, new CertificateTemplate { CommonName = "My CA", IsCA = true }),
            HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        var bc = Assert.Single(request.CertificateExtensions.OfType<X509BasicConstraintsExtension>());
        Assert.True(bc.CertificateAuthority);
        Assert.True(bc.Critical);
        Assert.True(request.CertificateExtensions.OfType<X509KeyUsageExtension>().Single().KeyUsages.HasFlag(X509KeyUsageFlags.KeyCertSign));
    }

    [Fact]
    public void EmptySubjectMakesSanCritical()
    {
        using var key = TestPki.Ec();
        var request = CertificateRequest.LoadSigningRequest(
            CsrBuilder.BuildDer(key, new CertificateTemplate { DnsNames = ["only-san.example.com"] }),
            HashAlgorithmName.SHA256, CertificateRequestLoadOptions.UnsafeLoadCertificateExtensions);
        Assert.Empty(request.SubjectName.RawData.Skip(2));
        Assert.True(request.CertificateExtensions.OfType<X509SubjectAlternativeNameExtension>().Single().Critical);
    }

    [Fact]
    public void InvalidTemplateListsEveryProblem()
    {
        using var key = TestPki.Ec();
        var bad = new CertificateTemplate
        {
            CommonName = new string('c', 65),
            DnsNames = ["ok.example.com", "bad_name.example.com", "foo.*.example.com"],
            IpAddresses = ["999.1.1.1"],
            Uris = ["not a uri"],
            EmailAddresses = ["nobody"],
            Usages = ["world domination"],
            Subject = new CertificateSubject { Countries = ["Germany"] },
        };
        var ex = Assert.Throws<InvalidCertificateTemplateException>(() => CsrBuilder.BuildDer(key, bad));
        Assert.Equal(8, ex.Errors.Count);
        Assert.Contains(ex.Errors, e => e.Contains("bad_name.example.com", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("wildcard", StringComparison.Ordinal));
        Assert.Contains(ex.Errors, e => e.Contains("world domination", StringComparison.Ordinal));
    }

    [Fact]
    public void TemplateWithoutAnyNameRejected()
    {
        using var key = TestPki.Ec();
        var ex = Assert.Throws<InvalidCertificateTemplateException>(() => CsrBuilder.BuildDer(key, new CertificateTemplate()));
        Assert.Contains("at least one of", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TamperedCsrFailsSignatureCheckWithTypedError()
    {
        using var key = TestPki.Ec();
        var der = CsrBuilder.BuildDer(key, new CertificateTemplate { DnsNames = ["tamper.example.com"] });
        var index = der.AsSpan().IndexOf("tamper"u8);
        der[index] = (byte)'d';
        Assert.Throws<PemFormatException>(() => CsrParser.ParseDer(der));
    }

    [Fact]
    public void CsrWithTrailingBytesRejected()
    {
        using var key = TestPki.Ec();
        var der = CsrBuilder.BuildDer(key, new CertificateTemplate { CommonName = "t" });
        Assert.Contains("trailing", Assert.Throws<PemFormatException>(() => CsrParser.ParseDer([.. der, 0])).Message, StringComparison.Ordinal);
    }
}
