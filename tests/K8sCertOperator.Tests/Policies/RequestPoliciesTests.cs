using K8sCertOperator.Api;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Policies;

/// <summary>An ACME certificate is re-issued when the spec no longer says what its last CertificateRequest asked for.</summary>
public class RequestPoliciesTests
{
    private static CertificateSpec Spec() => new()
    {
        SecretName = "web-tls",
        IssuerRef = new ObjectReference { Name = "le" },
        CommonName = "web.example",
        DnsNames = ["web.example"],
        Subject = new X509Subject { Organizations = ["Corp"] },
        PrivateKey = new CertificatePrivateKey { Algorithm = PrivateKeyAlgorithms.Ecdsa },
    };

    public static TheoryData<string, Action<CertificateSpec>, string?> Cases() => new()
    {
        { "unchanged", _ => { }, null },
        { "dns names are the certificate's business", s => s.DnsNames = ["other.example"], null },
        { "default signature algorithm named", s => s.SignatureAlgorithm = SignatureAlgorithms.EcdsaWithSha256, null },
        { "default usages named", s => s.Usages = ["digital signature", "key encipherment"], null },
        { "organization", s => s.Subject!.Organizations = ["Other"], "subject" },
        { "literal subject", s => { s.Subject = null; s.CommonName = null; s.LiteralSubject = "CN=web.example,O=Corp"; }, "literalSubject" },
        { "other names", s => s.OtherNames = [new CertificateOtherName { Oid = "1.3.6.1.4.1.311.20.2.3", Utf8Value = "a@corp.example" }], "otherNames" },
        { "signature algorithm", s => s.SignatureAlgorithm = SignatureAlgorithms.EcdsaWithSha384, "signatureAlgorithm" },
        { "usages", s => s.Usages = ["server auth"], "usages" },
        { "isCA", s => s.IsCA = true, "isCA" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void FindsWhatTheSpecNoLongerAsks(string what, Action<CertificateSpec> mutate, string? expected)
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var csr = CsrParser.ParseDer(CsrBuilder.BuildDer(key, CertificateTemplateFactory.Create(Spec()).Template));
        var spec = Spec();
        mutate(spec);

        var problems = RequestPolicies.Differences(spec, new LastRequest(csr, [], false));

        Assert.True(expected is null ? problems.Count == 0 : problems.SequenceEqual([expected]), $"{what}: [{string.Join(", ", problems)}]");
    }

    [Theory]
    [InlineData(false, true, false)]
    [InlineData(true, true, true)]
    [InlineData(false, false, true)]
    public void OnlyAcmeCertificatesWithAKeptRequestAreChecked(bool signsLocally, bool haveRequest, bool expectNull)
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var csr = CsrParser.ParseDer(CsrBuilder.BuildDer(key, CertificateTemplateFactory.Create(Spec()).Template));
        var certificate = new Certificate { Metadata = new() { Name = "web" }, Spec = Spec() };
        certificate.Spec.IsCA = true;
        var input = new ReissueInput(certificate, new Dictionary<string, byte[]>(), null, DateTimeOffset.UnixEpoch)
        {
            SignsLocally = signsLocally,
            LastRequest = haveRequest ? new LastRequest(csr, [], false) : null,
        };

        var decision = RequestPolicies.CertificateRequestMismatchesSpec(input);

        Assert.Equal(expectNull, decision is null);
        if (decision is not null)
        {
            Assert.Equal(ConditionReasons.RequestChanged, decision.Reason);
            Assert.Contains("isCA", decision.Message, StringComparison.Ordinal);
        }
    }
}
