using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

/// <summary>A CertificateRequest signed by a local issuer must say what the Certificate's CSR said.</summary>
public class CsrTemplateTests
{
    public static TheoryData<string, KeyAlgorithm, string?, string?> SignatureCases() => new()
    {
        { "RSA default", KeyAlgorithm.Rsa, null, null },
        { "RSA SHA-384 asked", KeyAlgorithm.Rsa, SignatureAlgorithms.Sha384WithRsa, SignatureAlgorithms.Sha384WithRsa },
        { "RSA SHA-256 asked is the default", KeyAlgorithm.Rsa, SignatureAlgorithms.Sha256WithRsa, null },
        { "ECDSA P-256 default", KeyAlgorithm.Ecdsa, null, null },
        { "ECDSA P-256 with SHA-512", KeyAlgorithm.Ecdsa, SignatureAlgorithms.EcdsaWithSha512, SignatureAlgorithms.EcdsaWithSha512 },
    };

    [Theory]
    [MemberData(nameof(SignatureCases))]
    public void OnlyANonDefaultSignatureAlgorithmIsARequest(string what, KeyAlgorithm algorithm, string? asked, string? expected)
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(algorithm));
        var csr = CsrParser.ParseDer(CsrBuilder.BuildDer(key, new CertificateTemplate { DnsNames = ["a.example"], SignatureAlgorithm = asked }));
        Assert.True(expected == CsrTemplate.Create(csr, [], isCA: false).SignatureAlgorithm, what);
    }

    [Fact]
    public void SubjectOrderOtherNamesAndNameConstraintsSurvive()
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var asked = new CertificateTemplate
        {
            LiteralSubject = "CN=ldap,OU=Directory,O=Corp,DC=corp,DC=example",
            DnsNames = ["ldap.example"],
            OtherNames = [new OtherName("1.3.6.1.4.1.311.20.2.3", "svc@corp.example")],
            IsCA = true,
            NameConstraints = new NameConstraints { Critical = true, Permitted = new NameConstraintSubtrees { DnsDomains = ["corp.example"] } },
        };
        var csr = CsrParser.ParseDer(CsrBuilder.BuildDer(key, asked));

        var template = CsrTemplate.Create(csr, [], isCA: true);

        Assert.Equal(LiteralSubjectParser.Encode(asked.LiteralSubject).RawData, template.RawSubject!.RawData);
        Assert.Equal("ldap", template.CommonName);
        Assert.Equal(asked.OtherNames, template.OtherNames);
        Assert.Equal(["corp.example"], template.NameConstraints!.Permitted.DnsDomains);
        Assert.True(template.NameConstraints.Critical);
        Assert.Null(CsrTemplate.Create(csr, [], isCA: false).NameConstraints);

        using var signed = X509CertificateLoader.LoadCertificate(PemCodec.DecodeCertificates(SelfSignedIssuer.Issue(key, template, TimeSpan.FromHours(1), DateTimeOffset.UtcNow).CertificatePem)[0].RawData);
        Assert.Equal(csr.Subject.RawData, signed.SubjectName.RawData);
    }
}
