namespace K8sCertOperator.Tests.Policies;

/// <summary>literalSubject, otherNames, nameConstraints and signatureAlgorithm checks, through the spec validator.</summary>
public sealed class X509FieldsSpecValidatorTests
{
    private static readonly SpecValidatorTable Table = new SpecValidatorTable()
        .Valid("valid-literal-only", s => { s.DnsNames = null; s.LiteralSubject = "CN=foo,DC=example,DC=com"; })
        .Valid("valid-other-name-only", s => { s.DnsNames = null; s.OtherNames = [new() { Oid = "1.3.6.1.4.1.311.20.2.3", Utf8Value = "u@corp" }]; })
        .Valid("valid-ca-constraints", s => { s.IsCA = true; s.NameConstraints = new() { Critical = true, Permitted = new() { DnsDomains = ["example.com"], IpRanges = ["10.0.0.0/8"] } }; })
        .Valid("valid-rsa-default-sha384", s => { s.PrivateKey = null; s.SignatureAlgorithm = "SHA384WithRSA"; })
        .Valid("valid-ecdsa-sha512", s => { s.PrivateKey = new() { Algorithm = "ECDSA" }; s.SignatureAlgorithm = "ECDSAWithSHA512"; })
        .Invalid("literal-with-cn", "literalSubject cannot be combined", s => { s.CommonName = "x"; s.LiteralSubject = "CN=x"; })
        .Invalid("literal-with-subject", "literalSubject cannot be combined", s => { s.Subject = new() { Organizations = ["o"] }; s.LiteralSubject = "CN=x"; })
        .Invalid("literal-garbage", "unknown attribute type", s => s.LiteralSubject = "NOPE=1")
        .Invalid("other-name-bad-oid", "not a dotted object identifier", s => s.OtherNames = [new() { Oid = "upn", Utf8Value = "u" }])
        .Invalid("other-name-empty-value", "must be 1..", s => s.OtherNames = [new() { Oid = "1.2.3", Utf8Value = "" }])
        .Invalid("constraints-without-ca", "isCA: true", s => s.NameConstraints = new() { Permitted = new() { DnsDomains = ["example.com"] } })
        .Invalid("constraints-bad-cidr", "not a CIDR range", s => { s.IsCA = true; s.NameConstraints = new() { Excluded = new() { IpRanges = ["10.0.0.1"] } }; })
        .Invalid("signature-rsa-on-ecdsa", "spec.privateKey.algorithm is an ECDSA", s => { s.PrivateKey = new() { Algorithm = "ECDSA" }; s.SignatureAlgorithm = "SHA256WithRSA"; })
        .Invalid("signature-ecdsa-on-default-rsa", "spec.privateKey.algorithm is an RSA", s => { s.PrivateKey = null; s.SignatureAlgorithm = "ECDSAWithSHA256"; })
        .Invalid("signature-unknown", "is not one of", s => s.SignatureAlgorithm = "MD5WithRSA");

    public static TheoryData<string> Cases => Table.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_table(string scenario) => Table.Check(scenario);
}
