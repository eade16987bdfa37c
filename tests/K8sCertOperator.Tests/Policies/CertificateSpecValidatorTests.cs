using K8sCertOperator.Api;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Policies;

/// <summary>Spec checks the CRD schema cannot express; each row names the field the error must mention.</summary>
public sealed class CertificateSpecValidatorTests
{
    private static readonly Dictionary<string, Action<CertificateSpec>> Mutations = new()
    {
        ["valid-default"] = _ => { },
        ["valid-cn-only"] = s => { s.DnsNames = null; s.CommonName = "client"; },
        ["valid-ip-only"] = s => { s.DnsNames = null; s.IpAddresses = ["10.0.0.1", "2001:db8::1"]; },
        ["valid-uri-only"] = s => { s.DnsNames = null; s.Uris = ["spiffe://cluster.local/ns/a/sa/b"]; },
        ["valid-email-only"] = s => { s.DnsNames = null; s.EmailAddresses = ["ops@example.com"]; },
        ["valid-wildcard"] = s => s.DnsNames = ["*.example.com"],
        ["valid-100-names"] = s => s.DnsNames = Enumerable.Range(0, 100).Select(i => $"n{i}.example.com").ToList(),
        ["valid-duration-1h"] = s => { s.Duration = "1h"; s.RenewBefore = "30m"; },
        ["valid-duration-1-year"] = s => s.Duration = "8760h",
        ["valid-renew-before"] = s => { s.Duration = "2160h"; s.RenewBefore = "720h"; },
        ["valid-percentage"] = s => s.RenewBeforePercentage = 33,
        ["valid-rsa-4096-pkcs8"] = s => s.PrivateKey = new() { Algorithm = "RSA", Size = 4096, Encoding = "PKCS8" },
        ["valid-issuer-kind-empty"] = s => s.IssuerRef = new() { Name = "x" },
        ["valid-issuer-cert-manager-group"] = s => s.IssuerRef = new() { Name = "x", Kind = "Issuer", Group = "cert-manager.io" },
        ["valid-ca-usages"] = s => { s.IsCA = true; s.Usages = ["cert sign", "digital signature"]; },
        ["valid-rotation-never"] = s => s.PrivateKey = new() { RotationPolicy = "Never" },

        ["no-names"] = s => s.DnsNames = [],
        ["cn-too-long"] = s => s.CommonName = new string('a', 65),
        ["101-names"] = s => s.DnsNames = Enumerable.Range(0, 101).Select(i => $"n{i}.example.com").ToList(),
        ["dns-invalid-char"] = s => s.DnsNames = ["exa_mple.com"],
        ["dns-trailing-dot"] = s => s.DnsNames = ["example.com."],
        ["dns-ip-literal"] = s => s.DnsNames = ["10.0.0.1"],
        ["dns-wildcard-mid"] = s => s.DnsNames = ["a.*.example.com"],
        ["ip-invalid"] = s => s.IpAddresses = ["10.0.0.256"],
        ["ip-shorthand"] = s => s.IpAddresses = ["127.1"],
        ["uri-relative"] = s => s.Uris = ["/just/a/path"],
        ["email-no-at"] = s => s.EmailAddresses = ["ops.example.com"],
        ["duration-garbage"] = s => s.Duration = "90 days",
        ["duration-zero"] = s => s.Duration = "0",
        ["duration-negative"] = s => s.Duration = "-1h",
        ["duration-59m"] = s => s.Duration = "59m",
        ["duration-over-100-years"] = s => s.Duration = "900000h",
        ["renew-before-equals-duration"] = s => { s.Duration = "24h"; s.RenewBefore = "24h"; },
        ["renew-before-over-default-duration"] = s => s.RenewBefore = "2200h",
        ["renew-before-too-small"] = s => s.RenewBefore = "1m",
        ["renew-before-garbage"] = s => s.RenewBefore = "soon",
        ["renew-both-set"] = s => { s.RenewBefore = "24h"; s.RenewBeforePercentage = 10; },
        ["percentage-zero"] = s => s.RenewBeforePercentage = 0,
        ["percentage-100"] = s => s.RenewBeforePercentage = 100,
        ["key-ed25519"] = s => s.PrivateKey = new() { Algorithm = "Ed25519" },
        ["key-rsa-1024"] = s => s.PrivateKey = new() { Algorithm = "RSA", Size = 1024 },
        ["key-ecdsa-512"] = s => s.PrivateKey = new() { Algorithm = "ECDSA", Size = 512 },
        ["key-unknown-algorithm"] = s => s.PrivateKey = new() { Algorithm = "DSA" },
        ["key-unknown-encoding"] = s => s.PrivateKey = new() { Encoding = "DER" },
        ["key-unknown-rotation"] = s => s.PrivateKey = new() { RotationPolicy = "Sometimes" },
        ["issuer-name-missing"] = s => s.IssuerRef = new() { Kind = "Issuer" },
        ["issuer-kind-unknown"] = s => s.IssuerRef = new() { Name = "x", Kind = "AWSPCAIssuer" },
        ["issuer-group-malformed"] = s => s.IssuerRef = new() { Name = "x", Group = "AWSPCA/issuers" },
        ["secret-name-empty"] = s => s.SecretName = "",
        ["secret-name-upper"] = s => s.SecretName = "Web-TLS",
        ["secret-name-underscore"] = s => s.SecretName = "web_tls",
        ["secret-name-too-long"] = s => s.SecretName = new string('a', 254),
        ["usage-unknown"] = s => s.Usages = ["make coffee"],
    };

    public static TheoryData<string, string?> Cases => new()
    {
        { "valid-default", null }, { "valid-cn-only", null }, { "valid-ip-only", null }, { "valid-uri-only", null },
        { "valid-email-only", null }, { "valid-wildcard", null }, { "valid-100-names", null }, { "valid-duration-1h", null },
        { "valid-duration-1-year", null }, { "valid-renew-before", null }, { "valid-percentage", null },
        { "valid-rsa-4096-pkcs8", null }, { "valid-issuer-kind-empty", null }, { "valid-issuer-cert-manager-group", null },
        { "valid-ca-usages", null }, { "valid-rotation-never", null },
        { "no-names", "at least one of" },
        { "cn-too-long", "commonName" },
        { "101-names", "limit of 100" },
        { "dns-invalid-char", "dnsNames" },
        { "dns-trailing-dot", "dnsNames" },
        { "dns-ip-literal", "dnsNames" },
        { "dns-wildcard-mid", "dnsNames" },
        { "ip-invalid", "ipAddresses" },
        { "ip-shorthand", "ipAddresses" },
        { "uri-relative", "uris" },
        { "email-no-at", "emailAddresses" },
        { "duration-garbage", "duration" },
        { "duration-zero", "minimum" },
        { "duration-negative", "minimum" },
        { "duration-59m", "minimum" },
        { "duration-over-100-years", "100 years" },
        { "renew-before-equals-duration", "shorter than the duration" },
        { "renew-before-over-default-duration", "shorter than the duration" },
        { "renew-before-too-small", "minimum" },
        { "renew-before-garbage", "renewBefore" },
        { "renew-both-set", "mutually exclusive" },
        { "percentage-zero", "renewBeforePercentage" },
        { "percentage-100", "renewBeforePercentage" },
        { "key-ed25519", "Ed25519 private keys are not supported" },
        { "key-rsa-1024", "RSA key size" },
        { "key-ecdsa-512", "ECDSA key size" },
        { "key-unknown-algorithm", "algorithm" },
        { "key-unknown-encoding", "encoding" },
        { "key-unknown-rotation", "rotationPolicy" },
        { "issuer-name-missing", "issuerRef.name" },
        { "issuer-kind-unknown", "issuerRef.kind" },
        { "issuer-group-malformed", "issuerRef.group" },
        { "secret-name-empty", "secretName" },
        { "secret-name-upper", "secretName" },
        { "secret-name-underscore", "secretName" },
        { "secret-name-too-long", "secretName" },
        { "usage-unknown", "usages" },
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

    [Fact]
    public void Many_bad_names_are_summarised()
    {
        var spec = PolicyFixtures.Certificate(s => s.DnsNames = Enumerable.Range(0, 10).Select(i => $"bad_{i}.example.com").ToList()).Spec;

        var errors = CertificateSpecValidator.Validate(spec);

        Assert.Equal(4, errors.Count);
        Assert.Contains("7 more invalid entries", errors[3], StringComparison.Ordinal);
    }

    [Fact]
    public void Several_problems_are_all_reported()
    {
        var spec = new CertificateSpec { SecretName = "", IssuerRef = new(), Duration = "1m" };

        var errors = CertificateSpecValidator.Validate(spec);

        Assert.Contains(errors, e => e.StartsWith("at least one", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("duration", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("issuerRef.name", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("secretName", StringComparison.Ordinal));
    }
}
