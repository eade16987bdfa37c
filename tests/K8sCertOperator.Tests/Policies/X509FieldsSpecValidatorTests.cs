using K8sCertOperator.Api;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Policies;

/// <summary>literalSubject, otherNames, nameConstraints and signatureAlgorithm checks, through the spec validator.</summary>
public sealed class X509FieldsSpecValidatorTests
{
    private static readonly Dictionary<string, Action<CertificateSpec>> Mutations = new()
    {
        ["valid-literal-only"] = s => { s.DnsNames = null; s.LiteralSubject = "CN=foo,DC=example,DC=com"; },
        ["valid-other-name-only"] = s => { s.DnsNames = null; s.OtherNames = [new() { Oid = "1.3.6.1.4.1.311.20.2.3", Utf8Value = "u@corp" }]; },
        ["valid-ca-constraints"] = s => { s.IsCA = true; s.NameConstraints = new() { Critical = true, Permitted = new() { DnsDomains = ["example.com"], IpRanges = ["10.0.0.0/8"] } }; },
        ["valid-rsa-default-sha384"] = s => { s.PrivateKey = null; s.SignatureAlgorithm = "SHA384WithRSA"; },
        ["valid-ecdsa-sha512"] = s => { s.PrivateKey = new() { Algorithm = "ECDSA" }; s.SignatureAlgorithm = "ECDSAWithSHA512"; },

        ["literal-with-cn"] = s => { s.CommonName = "x"; s.LiteralSubject = "CN=x"; },
        ["literal-with-subject"] = s => { s.Subject = new() { Organizations = ["o"] }; s.LiteralSubject = "CN=x"; },
        ["literal-garbage"] = s => s.LiteralSubject = "NOPE=1",
        ["other-name-bad-oid"] = s => s.OtherNames = [new() { Oid = "upn", Utf8Value = "u" }],
        ["other-name-empty-value"] = s => s.OtherNames = [new() { Oid = "1.2.3", Utf8Value = "" }],
        ["constraints-without-ca"] = s => s.NameConstraints = new() { Permitted = new() { DnsDomains = ["example.com"] } },
        ["constraints-bad-cidr"] = s => { s.IsCA = true; s.NameConstraints = new() { Excluded = new() { IpRanges = ["10.0.0.1"] } }; },
        ["signature-rsa-on-ecdsa"] = s => { s.PrivateKey = new() { Algorithm = "ECDSA" }; s.SignatureAlgorithm = "SHA256WithRSA"; },
        ["signature-ecdsa-on-default-rsa"] = s => { s.PrivateKey = null; s.SignatureAlgorithm = "ECDSAWithSHA256"; },
        ["signature-unknown"] = s => s.SignatureAlgorithm = "MD5WithRSA",
    };

    public static TheoryData<string, string?> Cases => new()
    {
        { "valid-literal-only", null }, { "valid-other-name-only", null }, { "valid-ca-constraints", null },
        { "valid-rsa-default-sha384", null }, { "valid-ecdsa-sha512", null },
        { "literal-with-cn", "literalSubject cannot be combined" },
        { "literal-with-subject", "literalSubject cannot be combined" },
        { "literal-garbage", "unknown attribute type" },
        { "other-name-bad-oid", "not a dotted object identifier" },
        { "other-name-empty-value", "must be 1.." },
        { "constraints-without-ca", "isCA: true" },
        { "constraints-bad-cidr", "not a CIDR range" },
        { "signature-rsa-on-ecdsa", "spec.privateKey.algorithm is an ECDSA" },
        { "signature-ecdsa-on-default-rsa", "spec.privateKey.algorithm is an RSA" },
        { "signature-unknown", "is not one of" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_table(string scenario, string? expectedFragment)
    {
        var certificate = PolicyFixtures.Certificate(Mutations[scenario]);

        var errors = CertificateSpecValidator.Validate(certificate.Spec);

        if (expectedFragment is null)
        {
            Assert.Empty(errors);
        }
        else
        {
            Assert.Contains(errors, e => e.Contains(expectedFragment, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Every_mutation_has_a_row()
    {
        var rows = Cases.Select(r => (string)r[0]).ToHashSet();
        Assert.All(Mutations.Keys, name => Assert.Contains(name, rows));
    }
}
