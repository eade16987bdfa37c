using K8sCertOperator.Api;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Policies;

/// <summary>CertificateSpec to PKI template, duration and key spec, checked by issuing a real certificate from the result.</summary>
public sealed class CertificateTemplateFactoryTests
{
    [Theory]
    // algorithm, size, encoding -> expected algorithm, effective size, encoding
    [InlineData(null, null, null, KeyAlgorithm.Rsa, 2048, PrivateKeyEncoding.Pkcs1)]
    [InlineData("RSA", 3072, null, KeyAlgorithm.Rsa, 3072, PrivateKeyEncoding.Pkcs1)]
    [InlineData("ECDSA", null, "PKCS8", KeyAlgorithm.Ecdsa, 256, PrivateKeyEncoding.Pkcs8)]
    [InlineData("ECDSA", 384, "PKCS1", KeyAlgorithm.Ecdsa, 384, PrivateKeyEncoding.Pkcs1)]
    [InlineData("RSA", 0, null, KeyAlgorithm.Rsa, 2048, PrivateKeyEncoding.Pkcs1)]
    public void Private_key_defaults(string? algorithm, int? size, string? encoding, KeyAlgorithm expectedAlgorithm, int expectedSize, PrivateKeyEncoding expectedEncoding)
    {
        var spec = PolicyFixtures.Certificate(s => s.PrivateKey = algorithm is null && size is null && encoding is null
            ? null
            : new CertificatePrivateKey { Algorithm = algorithm, Size = size, Encoding = encoding }).Spec;

        var key = CertificateTemplateFactory.Create(spec).PrivateKey;

        Assert.Equal((expectedAlgorithm, expectedSize, expectedEncoding), (key.Algorithm, key.EffectiveSize, key.Encoding));
    }

    [Theory]
    [InlineData(null, 2160)]
    [InlineData("1h", 1)]
    [InlineData("720h", 720)]
    [InlineData("24h30m", 24.5)]
    public void Duration_defaults_to_90_days(string? duration, double expectedHours)
    {
        var spec = PolicyFixtures.Certificate(s => s.Duration = duration).Spec;

        Assert.Equal(TimeSpan.FromHours(expectedHours), CertificateTemplateFactory.Create(spec).Duration);
    }

    [Fact]
    public void Names_subject_usages_and_ca_are_copied()
    {
        var spec = PolicyFixtures.Certificate(s =>
        {
            s.CommonName = "a.example.com";
            s.IpAddresses = ["10.0.0.1"];
            s.Uris = ["spiffe://cluster.local/ns/a/sa/b"];
            s.EmailAddresses = ["ops@example.com"];
            s.Subject = new X509Subject { Organizations = ["Example"], Countries = ["DE"], SerialNumber = "42" };
            s.Usages = ["server auth", "digital signature"];
        }).Spec;

        var template = CertificateTemplateFactory.Create(spec).Template;

        Assert.Equal("a.example.com", template.CommonName);
        Assert.Equal(["a.example.com", "b.example.com"], template.DnsNames);
        Assert.Equal(["10.0.0.1"], template.IpAddresses);
        Assert.Equal(["spiffe://cluster.local/ns/a/sa/b"], template.Uris);
        Assert.Equal(["ops@example.com"], template.EmailAddresses);
        Assert.Equal(["Example"], template.Subject!.Organizations);
        Assert.Equal(["DE"], template.Subject.Countries);
        Assert.Equal("42", template.Subject.SerialNumber);
        Assert.Equal(["server auth", "digital signature"], template.Usages);
        Assert.False(template.IsCA);
    }

    [Fact]
    public void Empty_fields_become_defaults()
    {
        var spec = PolicyFixtures.Certificate(s => { s.CommonName = ""; s.Subject = new X509Subject(); s.Usages = []; }).Spec;

        var template = CertificateTemplateFactory.Create(spec).Template;

        Assert.Null(template.CommonName);
        Assert.Null(template.Subject);
        Assert.Equal(KeyUsages.Default, template.Usages);
    }

    [Theory]
    [InlineData("soon", null)]
    [InlineData(null, "Ed25519")]
    [InlineData(null, "DSA")]
    public void Invalid_spec_throws_argument_exception(string? duration, string? algorithm)
    {
        var spec = PolicyFixtures.Certificate(s => { s.Duration = duration; s.PrivateKey = new() { Algorithm = algorithm }; }).Spec;

        Assert.Throws<ArgumentException>(() => CertificateTemplateFactory.Create(spec));
    }

    [Fact]
    public void Issued_certificate_satisfies_the_reissue_chain()
    {
        // Round trip: a certificate built from the factory's output must not trigger IncorrectCertificate.
        var certificate = PolicyFixtures.Certificate(s => { s.CommonName = "a.example.com"; s.IpAddresses = ["10.0.0.1"]; s.IsCA = true; });
        var parameters = CertificateTemplateFactory.Create(certificate.Spec);
        var template = parameters.Template with { Usages = [KeyUsages.CertSign, KeyUsages.DigitalSignature] };
        var certPem = PolicyFixtures.Issue(PolicyFixtures.KeyA, template, PolicyFixtures.Now.AddHours(-1), parameters.Duration);

        var input = new ReissueInput(certificate, PolicyFixtures.Secret(PolicyFixtures.KeyA, certPem), PolicyFixtures.IssuedAnnotations(), PolicyFixtures.Now);

        Assert.Null(ReissuePolicyChain.Default.Evaluate(input));
        Assert.Equal(ConditionStatus.True, ReadinessPolicyChain.Evaluate(input).Status);
    }
}
