using K8sCertOperator.Api;
using K8sCertOperator.Controllers.CertificateRequests;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Controllers.CertificateRequests;

public class SignerGateTests
{

    public static TheoryData<string, string?, string, SignerStep> Cases() => new()
    {
        { "new request waits for approval", null, "", SignerStep.AwaitApproval },
        { "approved is signed", null, "Approved=True", SignerStep.Sign },
        { "denied is marked", null, "Denied=True", SignerStep.MarkDenied },
        { "denied wins over approved", null, "Approved=True,Denied=True", SignerStep.MarkDenied },
        { "ready is finished", null, "Approved=True,Ready=True", SignerStep.Leave },
        { "pending approved is signed", null, "Approved=True,Ready=False", SignerStep.Sign },
        { "external group is left alone", "example.com", "Approved=True", SignerStep.Leave },
        { "external group unapproved is left alone", "example.com", "", SignerStep.Leave },
        { "cert-manager.io alias is ours", "cert-manager.io", "Approved=True", SignerStep.Sign },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides(string what, string? group, string conditions, SignerStep expected)
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var request = CertificateRequestObjects.Request(CertificateRequestObjects.CsrPem(key), "ca", null, group, conditions);
        Assert.True(expected == SignerGate.Decide(request), what);
    }

    [Fact]
    public void AFailedRequestIsNeverRetried()
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var request = CertificateRequestObjects.Request(CertificateRequestObjects.CsrPem(key), "ca", null, null, "Approved=True");
        request.Status!.FailureTime = DateTime.UtcNow;
        Assert.Equal(SignerStep.Leave, SignerGate.Decide(request));
    }
}
