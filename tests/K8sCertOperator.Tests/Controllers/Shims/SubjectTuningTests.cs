using K8sCertOperator.Api;
using K8sCertOperator.Controllers.IngressShim;
using K8sCertOperator.Controllers.Shims;
using K8sCertOperator.Tests.Controllers.IngressShim;

namespace K8sCertOperator.Tests.Controllers.Shims;

/// <summary>email-sans and subject-* annotations: CSV fields as cert-manager reads them, bad values as problems.</summary>
public sealed class SubjectTuningTests
{
    public static TheoryData<string, string[]?, string?> CsvRows => new()
    {
        { "Acme", ["Acme"], null },
        { "Acme,Example", ["Acme", "Example"], null },
        { "\"10 Downing Street, Westminster\",Manchester", ["10 Downing Street, Westminster", "Manchester"], null },
        { "\"Say \"\"hi\"\"\"", ["Say \"hi\""], null },
        { "a,,b", ["a", "", "b"], null },
        { " spaced ", [" spaced "], null },
        { "", null, "no values" },
        { "a\nb", null, "more than one line" },
        { "ab\"c", null, "a quote inside an unquoted field" },
        { "\"open", null, "not closed" },
        { "\"x\"y", null, "after a quoted field" },
    };

    [Theory]
    [MemberData(nameof(CsvRows))]
    public void CsvLineSplitsOneLine(string value, string[]? fields, string? error)
    {
        var split = CsvLine.Split(value, out var why);

        Assert.Equal(fields, split?.ToArray());
        if (error is null)
        {
            Assert.Null(why);
        }
        else
        {
            Assert.Contains(error, why, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void SubjectAndEmailAnnotationsReachTheCertificate()
    {
        var ingress = IngressObjects.Ingress(
            new Dictionary<string, string>
            {
                ["cert-manager.io/issuer"] = "ca",
                ["cert-manager.io/email-sans"] = "ops@example.com, security@example.com",
                ["cert-manager.io/subject-organizations"] = "\"Example, Inc.\",Example Labs",
                ["cert-manager.io/subject-organizationalunits"] = "Web",
                ["cert-manager.io/subject-countries"] = "GB",
                ["cert-manager.io/subject-provinces"] = "London",
                ["cert-manager.io/subject-localities"] = "Westminster",
                ["cert-manager.io/subject-streetaddresses"] = "\"10 Downing Street, Westminster\"",
                ["cert-manager.io/subject-postalcodes"] = "SW1A 2AA",
                ["cert-manager.io/subject-serialnumber"] = "1234",
            },
            ("web-tls", ["web.example.com"]));

        var spec = Assert.Single(IngressCertificateMapper.Map(ingress, ShimModes.CertManager).Certificates).Spec;

        Assert.Equal(["ops@example.com", "security@example.com"], spec.EmailAddresses);
        var subject = spec.Subject!;
        Assert.Equal(["Example, Inc.", "Example Labs"], subject.Organizations);
        Assert.Equal(["Web"], subject.OrganizationalUnits);
        Assert.Equal(["GB"], subject.Countries);
        Assert.Equal(["London"], subject.Provinces);
        Assert.Equal(["Westminster"], subject.Localities);
        Assert.Equal(["10 Downing Street, Westminster"], subject.StreetAddresses);
        Assert.Equal(["SW1A 2AA"], subject.PostalCodes);
        Assert.Equal("1234", subject.SerialNumber);
    }

    [Theory]
    [InlineData("k8scert.io/email-sans", "not-an-address", "k8scert.io/email-sans \"not-an-address\": not an email address")]
    [InlineData("k8scert.io/email-sans", " , ", "no address given")]
    [InlineData("k8scert.io/subject-organizations", "a\"b", "k8scert.io/subject-organizations \"a\"b\": a quote inside")]
    public void BadValuesAreProblems(string key, string value, string problem)
    {
        var ingress = IngressObjects.Ingress(new Dictionary<string, string> { ["k8scert.io/issuer"] = "ca", [key] = value }, ("web-tls", ["web.example.com"]));

        var mapping = IngressCertificateMapper.Map(ingress, new ShimOptions());

        Assert.True(mapping.Invalid);
        Assert.Contains(problem, Assert.Single(mapping.Problems).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SubjectChangesAreSyncedAndEmptySubjectsAreEqual()
    {
        Assert.True(SubjectTuning.Same(null, new X509Subject { Organizations = [] }));
        Assert.False(SubjectTuning.Same(null, new X509Subject { SerialNumber = "1" }));
        Assert.False(SubjectTuning.Same(new X509Subject { Countries = ["GB"] }, new X509Subject { Countries = ["FR"] }));

        var ingress = IngressObjects.Ingress(new Dictionary<string, string> { ["k8scert.io/issuer"] = "ca", ["k8scert.io/subject-countries"] = "GB" }, ("web-tls", ["web.example.com"]));
        var existing = Assert.Single(IngressCertificateMapper.Map(ingress, new ShimOptions()).Certificates);
        ingress.Metadata.Annotations["k8scert.io/subject-countries"] = "FR";

        Assert.True(CertificateSpecSync.Apply(existing, Assert.Single(IngressCertificateMapper.Map(ingress, new ShimOptions()).Certificates)));
        Assert.Equal(["FR"], existing.Spec.Subject!.Countries);
    }
}
