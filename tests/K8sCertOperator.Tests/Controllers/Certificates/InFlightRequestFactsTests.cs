using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Controllers.Certificates;

/// <summary>What a request left in flight is compared on: issuer, duration, key, names and the CSR's other fields.</summary>
public sealed class InFlightRequestFactsTests : IDisposable
{
    private readonly CertificateKey _key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
    private readonly CertificateKey _other = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));

    private static CertificateSpec Spec() => new()
    {
        SecretName = "web-tls",
        IssuerRef = new ObjectReference { Name = "le", Kind = ApiGroups.IssuerKind, Group = ApiGroups.CertManager },
        DnsNames = ["web.example", "www.web.example"],
        Duration = "2160h",
        PrivateKey = new CertificatePrivateKey { Algorithm = PrivateKeyAlgorithms.Ecdsa },
    };

    private CertificateRequest Request(Action<CertificateSpec>? asked = null, CertificateKey? key = null, string? duration = "2160h0m0s", string issuerGroup = ApiGroups.CertManager)
    {
        var spec = Spec();
        asked?.Invoke(spec);
        return new CertificateRequest
        {
            Metadata = new() { Name = "web-x7k2p", NamespaceProperty = "ns" },
            Spec = new CertificateRequestSpec
            {
                Request = Encoding.ASCII.GetBytes(CsrBuilder.BuildPem(key ?? _key, CertificateTemplateFactory.Create(spec).Template)),
                IssuerRef = new ObjectReference { Name = "le", Kind = ApiGroups.IssuerKind, Group = issuerGroup },
                Duration = duration,
            },
        };
    }

    [Fact]
    public void TheSameAskInGoSpellingMatches() => Assert.Null(InFlightRequestFacts.Mismatch(Spec(), Request(), _key.ExportSubjectPublicKeyInfo()));

    [Fact]
    public void AnEmptyIssuerGroupIsTheSameIssuer() => Assert.Null(InFlightRequestFacts.Mismatch(Spec(), Request(issuerGroup: ""), _key.ExportSubjectPublicKeyInfo()));

    public static TheoryData<string, string> Mismatches() => new()
    {
        { "key", "private key" },
        { "names", "subject alternative names" },
        { "duration", "duration" },
        { "no duration", "duration" },
        { "issuer", "issuerRef" },
        { "subject", "subject" },
    };

    [Theory]
    [MemberData(nameof(Mismatches))]
    public void ADifferentAskIsAMismatch(string change, string expected)
    {
        var request = change switch
        {
            "key" => Request(key: _other),
            "names" => Request(s => s.DnsNames = ["web.example"]),
            "duration" => Request(duration: "720h0m0s"),
            "no duration" => Request(duration: null),
            "issuer" => Request(issuerGroup: "example.com"),
            _ => Request(s => s.CommonName = "web.example"),
        };
        Assert.Equal(expected, InFlightRequestFacts.Mismatch(Spec(), request, _key.ExportSubjectPublicKeyInfo()));
    }

    [Fact]
    public void FactsCarryTheRequestAndOrderState()
    {
        var request = Request();
        request.Status = new CertificateRequestStatus { Conditions = [new Condition { Type = ConditionTypes.Denied, Status = ConditionStatus.True }] };
        var order = new Order { Status = new OrderStatus { State = AcmeStates.Pending, Url = "https://ca.example/order/1" } };
        Assert.Equal(new InFlightRequest(null, true, false, true, AcmeStates.Pending, true),
            InFlightRequestFacts.Of(Spec(), request, _key.ExportSubjectPublicKeyInfo(), order));
        Assert.Equal(new InFlightRequest(null, false, false, false, null, false),
            InFlightRequestFacts.Of(Spec(), Request(), _key.ExportSubjectPublicKeyInfo(), null));
    }

    public void Dispose()
    {
        _key.Dispose();
        _other.Dispose();
    }
}
