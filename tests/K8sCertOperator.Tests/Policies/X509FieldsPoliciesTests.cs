using System.Security.Cryptography;
using K8sCertOperator.Api;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Policies;

/// <summary>A change of literalSubject, otherNames, nameConstraints or signatureAlgorithm re-issues (SelfSigned/CA only).</summary>
public sealed class X509FieldsPoliciesTests
{
    private static CertificateSpec Issued() => new()
    {
        SecretName = "ca-tls",
        IssuerRef = new ObjectReference { Name = "selfsigned" },
        LiteralSubject = "CN=ca,O=Corp+OU=PKI,DC=example",
        OtherNames = [new CertificateOtherName { Oid = "1.3.6.1.4.1.311.20.2.3", Utf8Value = "ca@corp" }],
        IsCA = true,
        NameConstraints = new CertificateNameConstraints { Permitted = new NameConstraintItems { DnsDomains = ["corp.example"] } },
        PrivateKey = new CertificatePrivateKey { Algorithm = PrivateKeyAlgorithms.Ecdsa },
        SignatureAlgorithm = SignatureAlgorithms.EcdsaWithSha384,
    };

    private static readonly Lazy<string> IssuedPem = new(() =>
    {
        using var key = CertificateKey.FromEcdsa(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var parameters = CertificateTemplateFactory.Create(Issued());
        return K8sCertOperator.Pki.SelfSignedIssuer.Issue(key, parameters.Template, TimeSpan.FromDays(1), DateTimeOffset.UtcNow).CertificatePem;
    });

    private static readonly Lazy<CertificateInfo> IssuedInfo = new(() => CertificateInfo.FromPem(IssuedPem.Value));

    public static TheoryData<string, string?> Cases => new()
    {
        { "unchanged", null },
        { "literal-order", "literalSubject" },
        { "other-name-value", "otherNames" },
        { "other-name-removed", "otherNames" },
        { "constraints-domain", "nameConstraints" },
        { "constraints-critical", "nameConstraints" },
        { "constraints-removed", "nameConstraints" },
        { "signature-hash", "signatureAlgorithm" },
        { "signature-unset", null },
    };

    private static readonly Dictionary<string, Action<CertificateSpec>> Mutations = new()
    {
        ["unchanged"] = _ => { },
        ["literal-order"] = s => s.LiteralSubject = "CN=ca,DC=example,O=Corp+OU=PKI",
        ["other-name-value"] = s => s.OtherNames![0].Utf8Value = "other@corp",
        ["other-name-removed"] = s => s.OtherNames = null,
        ["constraints-domain"] = s => s.NameConstraints!.Permitted!.DnsDomains = ["other.example"],
        ["constraints-critical"] = s => s.NameConstraints!.Critical = true,
        ["constraints-removed"] = s => s.NameConstraints = null,
        ["signature-hash"] = s => s.SignatureAlgorithm = SignatureAlgorithms.EcdsaWithSha256,
        ["signature-unset"] = s => s.SignatureAlgorithm = null,
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Differences_table(string scenario, string? expected)
    {
        var spec = Issued();
        Mutations[scenario](spec);

        var differences = X509FieldsPolicies.Differences(spec, IssuedInfo.Value);

        Assert.Equal(expected is null ? [] : [expected], differences);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void OnlyLocallySignedCertificatesAreCompared(bool signsLocally, bool expectDecision)
    {
        var certificate = new Certificate { Metadata = new() { Name = "c", NamespaceProperty = "ns" }, Spec = Issued() };
        certificate.Spec.LiteralSubject = "CN=different";
        var data = new Dictionary<string, byte[]> { ["tls.crt"] = System.Text.Encoding.ASCII.GetBytes(IssuedPem.Value) };
        var input = new ReissueInput(certificate, data, null, DateTimeOffset.UtcNow) { SignsLocally = signsLocally };

        var decision = X509FieldsPolicies.CertificateX509FieldsMismatchSpec(input);

        Assert.Equal(expectDecision, decision is not null);
        Assert.Equal(expectDecision ? ConditionReasons.IncorrectCertificate : null, decision?.Reason);
    }
}
