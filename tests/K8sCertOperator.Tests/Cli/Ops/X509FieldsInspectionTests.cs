using System.Security.Cryptography;
using K8sCertOperator.Cli.Ops;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Cli.Ops;

public class X509FieldsInspectionTests
{
    public static TheoryData<string, CertificateTemplate, string[], string[]> Cases => new()
    {
        { "plain leaf", new CertificateTemplate { CommonName = "a" }, [], [] },
        {
            "leaf with a UPN",
            new CertificateTemplate { CommonName = "a", OtherNames = [new OtherName("1.3.6.1.4.1.311.20.2.3", "a@corp")] },
            ["1.3.6.1.4.1.311.20.2.3=a@corp"],
            []
        },
        {
            "constrained CA",
            new CertificateTemplate
            {
                CommonName = "ca",
                IsCA = true,
                NameConstraints = new NameConstraints
                {
                    Critical = true,
                    Permitted = new NameConstraintSubtrees { DnsDomains = ["corp.example"], EmailAddresses = ["corp.example"] },
                    Excluded = new NameConstraintSubtrees { IpRanges = ["10.9.0.0/16"], UriDomains = [".hidden.example"] },
                },
            },
            [],
            ["critical", "permitted DNS:corp.example", "permitted email:corp.example", "excluded IP:10.9.0.0/16", "excluded URI:.hidden.example"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ShowsOtherNamesAndNameConstraints(string name, CertificateTemplate template, string[] otherNames, string[] constraints)
    {
        using var key = CertificateKey.FromEcdsa(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var leaf = CertificateInfo.FromPem(SelfSignedIssuer.Issue(key, template, TimeSpan.FromDays(1), DateTimeOffset.UtcNow).CertificatePem);

        Assert.True(otherNames.SequenceEqual(X509FieldsInspection.OtherNames(leaf).Select(n => n!.GetValue<string>())), name);
        Assert.True(constraints.SequenceEqual(X509FieldsInspection.NameConstraints(leaf).Select(n => n!.GetValue<string>())), name);
    }
}
