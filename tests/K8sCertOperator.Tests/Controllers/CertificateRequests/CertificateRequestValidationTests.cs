using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.CertificateRequests;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Controllers.CertificateRequests;

public class CertificateRequestValidationTests
{
    public static TheoryData<string, Action<CertificateRequestSpec>, string?> Cases() => new()
    {
        // what, change to a valid spec, expected problem fragment (null: valid)
        { "valid", _ => { }, null },
        { "duration and usages", s => { s.Duration = "24h"; s.Usages = ["server auth", "digital signature"]; }, null },
        { "CA request", s => s.IsCA = true, null },
        { "garbage request", s => s.Request = Encoding.ASCII.GetBytes("not a csr"), "spec.request" },
        { "empty request", s => s.Request = [], "spec.request" },
        { "bad duration", s => s.Duration = "1y", "spec.duration" },
        { "zero duration", s => s.Duration = "0", "spec.duration" },
        { "unknown usage", s => s.Usages = ["world domination"], "unknown usage" },
        { "tampered CSR", s => s.Request = Tamper(s.Request), "spec.request" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validates(string what, Action<CertificateRequestSpec> change, string? problem)
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var spec = CertificateRequestObjects.Request(CertificateRequestObjects.CsrPem(key)).Spec;
        change(spec);

        var (input, problems) = CertificateRequestValidation.Validate(spec);

        if (problem is null)
        {
            Assert.True(problems.Count == 0, what + ": " + string.Join("; ", problems));
            Assert.NotNull(input);
        }
        else
        {
            Assert.Null(input);
            Assert.True(problems.Any(p => p.Contains(problem, StringComparison.Ordinal)), what + ": " + string.Join("; ", problems));
        }
    }

    [Fact]
    public void TheTemplateCarriesTheCsrNamesSubjectAndTheSpecFlags()
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var template = CertificateRequestObjects.WebTemplate with { Subject = new CertificateSubject { Organizations = ["Example"] } };
        var spec = CertificateRequestObjects.Request(CertificateRequestObjects.CsrPem(key, template)).Spec;
        spec.IsCA = true;
        spec.Duration = "48h";

        var input = CertificateRequestValidation.Validate(spec).Input!;

        Assert.Equal("web.example.com", input.Template.CommonName);
        Assert.Equal(["web.example.com", "www.example.com"], input.Template.DnsNames);
        Assert.Equal(["Example"], input.Template.Subject!.Organizations);
        Assert.True(input.Template.IsCA);
        Assert.Equal(KeyUsages.Default, input.Template.Usages);
        Assert.Equal(TimeSpan.FromHours(48), input.Duration);
        Assert.True(key.PublicKeyMatches(input.Csr.PublicKey));
    }

    // Flips one byte inside the signed part, so the CSR still decodes but its signature no longer verifies.
    private static byte[] Tamper(byte[] pem)
    {
        var der = PemCodec.DecodeCertificateRequestDer(Encoding.ASCII.GetString(pem));
        der[der.Length / 3] ^= 0x01;
        return Encoding.ASCII.GetBytes(PemCodec.EncodeCertificateRequest(der));
    }
}
