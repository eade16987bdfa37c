using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Controllers.Certificates;

public class CertificateRequestFactoryTests
{
    /// <summary>Which spec changes give the revision's request a new name (so the one in flight is replaced).</summary>
    public static TheoryData<string, Action<Certificate>, bool> NameCases() => new()
    {
        { "unchanged", _ => { }, false },
        { "dns names reordered", c => c.Spec.DnsNames!.Reverse(), false },
        { "dns name case", c => c.Spec.DnsNames![0] = "EXAMPLE.com", false },
        { "secret template", c => c.Spec.SecretTemplate = new CertificateSecretTemplate { Labels = new() { ["a"] = "b" } }, false },
        { "dns name dropped", c => c.Spec.DnsNames!.RemoveAt(0), true },
        { "other issuer", c => c.Spec.IssuerRef.Name = "other", true },
        { "issuer kind", c => c.Spec.IssuerRef.Kind = ApiGroups.IssuerKind, true },
        { "common name", c => c.Spec.CommonName = "x.example", true },
        { "ip added", c => c.Spec.IpAddresses = ["10.0.0.1"], true },
        { "duration", c => c.Spec.Duration = "1h", true },
        { "usages", c => c.Spec.Usages = ["server auth"], true },
        { "subject", c => c.Spec.Subject = new X509Subject { Organizations = ["Corp"] }, true },
        { "literal subject", c => c.Spec.LiteralSubject = "CN=web", true },
        { "signature algorithm", c => c.Spec.SignatureAlgorithm = SignatureAlgorithms.EcdsaWithSha384, true },
        { "other names", c => c.Spec.OtherNames = [new CertificateOtherName { Oid = "1.2.3", Utf8Value = "x" }], true },
    };

    [Theory]
    [MemberData(nameof(NameCases))]
    public void TheNameFollowsWhatTheCsrSays(string what, Action<Certificate> mutate, bool renamed)
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var certificate = CertificateObjects.Certificate();
        var before = OrderRequest.For(certificate, 1, key.ExportSubjectPublicKeyInfo()).OrderName;
        mutate(certificate);
        var after = OrderRequest.For(certificate, 1, key.ExportSubjectPublicKeyInfo()).OrderName;
        Assert.True(renamed == (before != after), what);
    }

    [Fact]
    public void AnAskedSignatureAlgorithmIsNamedEvenWhenItIsTheKeysDefault()
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa, 384));
        var certificate = CertificateObjects.Certificate();
        certificate.Spec.PrivateKey = new CertificatePrivateKey { Algorithm = PrivateKeyAlgorithms.Ecdsa, Size = 384 };
        certificate.Spec.SignatureAlgorithm = SignatureAlgorithms.EcdsaWithSha384;
        var (request, _) = CertificateObjects.Request(certificate, key);
        Assert.Equal(SignatureAlgorithms.EcdsaWithSha384, request.Metadata.Annotations[AnnotationKeys.SignatureAlgorithm]);
    }

    [Fact]
    public void AnotherKeyOrAttemptIsAnotherRequest()
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        using var other = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var certificate = CertificateObjects.Certificate();
        var first = OrderRequest.For(certificate, 1, key.ExportSubjectPublicKeyInfo()).OrderName;
        Assert.NotEqual(first, OrderRequest.For(certificate, 1, other.ExportSubjectPublicKeyInfo()).OrderName);
        Assert.NotEqual(first, OrderRequest.For(certificate, 1, key.ExportSubjectPublicKeyInfo(), attempt: 1).OrderName);
        Assert.StartsWith("web-2-", OrderRequest.For(certificate, 2, key.ExportSubjectPublicKeyInfo()).OrderName, StringComparison.Ordinal);
    }

    [Fact]
    public void TheRequestIsOwnedAnnotatedAndHoldsOnlyThePublicKey()
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var certificate = CertificateObjects.Certificate();
        certificate.Metadata.Labels = new Dictionary<string, string> { ["team"] = "a" };
        certificate.Metadata.Annotations = new Dictionary<string, string> { [AnnotationKeys.AcmeHttp01OverrideIngressClass] = "nginx", ["unrelated"] = "x" };
        certificate.Spec.Usages = ["server auth", "digital signature"];
        var (request, wanted) = CertificateObjects.Request(certificate, key, revision: 3, replaces: "aki.serial");

        Assert.Equal(wanted.OrderName, request.Metadata.Name);
        Assert.Equal("a", request.Metadata.Labels["team"]);
        Assert.Equal("web", request.Metadata.Labels[LabelKeys.CertificateName]);
        Assert.Equal(3, CertificateRequestFactory.RevisionOf(request.Metadata));
        Assert.Equal("web", request.Metadata.Annotations[AnnotationKeys.CertificateName]);
        Assert.Equal("web-next-key", request.Metadata.Annotations[AnnotationKeys.PrivateKeySecretName]);
        Assert.Equal("aki.serial", request.Metadata.Annotations[AnnotationKeys.AcmeReplaces]);
        Assert.Equal("nginx", request.Metadata.Annotations[AnnotationKeys.AcmeHttp01OverrideIngressClass]);
        Assert.False(request.Metadata.Annotations.ContainsKey("unrelated"));
        Assert.False(request.Metadata.Annotations.ContainsKey(AnnotationKeys.SignatureAlgorithm));
        Assert.Equal("uid-web", Assert.Single(request.Metadata.OwnerReferences).Uid);
        Assert.Equal(["server auth", "digital signature"], request.Spec.Usages);
        Assert.Null(request.Spec.IsCA);
        Assert.Equal("le", request.Spec.IssuerRef.Name);
        Assert.Equal(ApiGroups.ClusterIssuerKind, request.Spec.IssuerRef.Kind);

        var pem = Encoding.ASCII.GetString(request.Spec.Request);
        Assert.DoesNotContain("PRIVATE KEY", pem, StringComparison.Ordinal);
        var csr = CsrParser.ParsePem(pem);
        Assert.Equal(["example.com", "www.example.com"], csr.SubjectAltNames.DnsNames);
        Assert.True(key.PublicKeyMatches(csr.PublicKey));
    }
}
