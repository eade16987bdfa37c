using K8sCertOperator.Api;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Policies;

/// <summary>Spec checks the CRD schema cannot express; each row names the field the error must mention.</summary>
public sealed class CertificateSpecValidatorTests
{
    private static readonly SpecValidatorTable Table = new SpecValidatorTable()
        .Valid("valid-default", _ => { })
        .Valid("valid-cn-only", s => { s.DnsNames = null; s.CommonName = "client"; })
        .Valid("valid-ip-only", s => { s.DnsNames = null; s.IpAddresses = ["10.0.0.1", "2001:db8::1"]; })
        .Valid("valid-uri-only", s => { s.DnsNames = null; s.Uris = ["spiffe://cluster.local/ns/a/sa/b"]; })
        .Valid("valid-email-only", s => { s.DnsNames = null; s.EmailAddresses = ["ops@example.com"]; })
        .Valid("valid-wildcard", s => s.DnsNames = ["*.example.com"])
        .Valid("valid-100-names", s => s.DnsNames = Enumerable.Range(0, 100).Select(i => $"n{i}.example.com").ToList())
        .Valid("valid-duration-1h", s => { s.Duration = "1h"; s.RenewBefore = "30m"; })
        .Valid("valid-duration-1-year", s => s.Duration = "8760h")
        .Valid("valid-renew-before", s => { s.Duration = "2160h"; s.RenewBefore = "720h"; })
        .Valid("valid-percentage", s => s.RenewBeforePercentage = 33)
        .Valid("valid-rsa-4096-pkcs8", s => s.PrivateKey = new() { Algorithm = "RSA", Size = 4096, Encoding = "PKCS8" })
        .Valid("valid-issuer-kind-empty", s => s.IssuerRef = new() { Name = "x" })
        .Valid("valid-issuer-cert-manager-group", s => s.IssuerRef = new() { Name = "x", Kind = "Issuer", Group = "cert-manager.io" })
        .Valid("valid-ca-usages", s => { s.IsCA = true; s.Usages = ["cert sign", "digital signature"]; })
        .Valid("valid-rotation-never", s => s.PrivateKey = new() { RotationPolicy = "Never" })
        .Invalid("no-names", "at least one of", s => s.DnsNames = [])
        .Invalid("cn-too-long", "commonName", s => s.CommonName = new string('a', 65))
        .Invalid("101-names", "limit of 100", s => s.DnsNames = Enumerable.Range(0, 101).Select(i => $"n{i}.example.com").ToList())
        .Invalid("dns-invalid-char", "dnsNames", s => s.DnsNames = ["exa_mple.com"])
        .Invalid("dns-trailing-dot", "dnsNames", s => s.DnsNames = ["example.com."])
        .Invalid("dns-ip-literal", "dnsNames", s => s.DnsNames = ["10.0.0.1"])
        .Invalid("dns-wildcard-mid", "dnsNames", s => s.DnsNames = ["a.*.example.com"])
        .Invalid("ip-invalid", "ipAddresses", s => s.IpAddresses = ["10.0.0.256"])
        .Invalid("ip-shorthand", "ipAddresses", s => s.IpAddresses = ["127.1"])
        .Invalid("uri-relative", "uris", s => s.Uris = ["/just/a/path"])
        .Invalid("email-no-at", "emailAddresses", s => s.EmailAddresses = ["ops.example.com"])
        .Invalid("duration-garbage", "duration", s => s.Duration = "90 days")
        .Invalid("duration-zero", "minimum", s => s.Duration = "0")
        .Invalid("duration-negative", "minimum", s => s.Duration = "-1h")
        .Invalid("duration-59m", "minimum", s => s.Duration = "59m")
        .Invalid("duration-over-100-years", "100 years", s => s.Duration = "900000h")
        .Invalid("renew-before-equals-duration", "shorter than the duration", s => { s.Duration = "24h"; s.RenewBefore = "24h"; })
        .Invalid("renew-before-over-default-duration", "shorter than the duration", s => s.RenewBefore = "2200h")
        .Invalid("renew-before-too-small", "minimum", s => s.RenewBefore = "1m")
        .Invalid("renew-before-garbage", "renewBefore", s => s.RenewBefore = "soon")
        .Invalid("renew-both-set", "mutually exclusive", s => { s.RenewBefore = "24h"; s.RenewBeforePercentage = 10; })
        .Invalid("percentage-zero", "renewBeforePercentage", s => s.RenewBeforePercentage = 0)
        .Invalid("percentage-100", "renewBeforePercentage", s => s.RenewBeforePercentage = 100)
        .Invalid("key-ed25519", "Ed25519 private keys are not supported", s => s.PrivateKey = new() { Algorithm = "Ed25519" })
        .Invalid("key-rsa-1024", "RSA key size", s => s.PrivateKey = new() { Algorithm = "RSA", Size = 1024 })
        .Invalid("key-ecdsa-512", "ECDSA key size", s => s.PrivateKey = new() { Algorithm = "ECDSA", Size = 512 })
        .Invalid("key-unknown-algorithm", "algorithm", s => s.PrivateKey = new() { Algorithm = "DSA" })
        .Invalid("key-unknown-encoding", "encoding", s => s.PrivateKey = new() { Encoding = "DER" })
        .Invalid("key-unknown-rotation", "rotationPolicy", s => s.PrivateKey = new() { RotationPolicy = "Sometimes" })
        .Invalid("issuer-name-missing", "issuerRef.name", s => s.IssuerRef = new() { Kind = "Issuer" })
        .Invalid("issuer-kind-unknown", "issuerRef.kind", s => s.IssuerRef = new() { Name = "x", Kind = "AWSPCAIssuer" })
        .Invalid("issuer-group-malformed", "issuerRef.group", s => s.IssuerRef = new() { Name = "x", Group = "AWSPCA/issuers" })
        .Valid("valid-external-issuer", s => s.IssuerRef = new() { Name = "x", Kind = "AWSPCAClusterIssuer", Group = "awspca.cert-manager.io" })
        .Invalid("secret-name-empty", "secretName", s => s.SecretName = "")
        .Invalid("secret-name-upper", "secretName", s => s.SecretName = "Web-TLS")
        .Invalid("secret-name-underscore", "secretName", s => s.SecretName = "web_tls")
        .Invalid("secret-name-too-long", "secretName", s => s.SecretName = new string('a', 254))
        .Invalid("usage-unknown", "usages", s => s.Usages = ["make coffee"]);

    public static TheoryData<string> Cases => Table.Names();

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_table(string scenario) => Table.Check(scenario);

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
