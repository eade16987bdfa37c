using System.Security.Cryptography.X509Certificates;
using System.Text;
using k8s.Models;
using K8sCertOperator.Acme;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.Pki;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Controllers.Certificates;

public class AriRenewalTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<int, int, int, bool> WindowCases() => new()
    {
        // window start/end in hours from now, our own renewal in hours from now, renew now?
        { -2, -1, 500, true },    // window already over: renew
        { -1, 1, 500, false },    // inside, but this certificate's point may be later: decided below by the point
        { 1, 2, 500, false },     // window in the future
        { 10, 20, -1, false },    // our own renewal passed, the window is later: the chain (not ARI) renews, saying so
    };

    [Theory]
    [MemberData(nameof(WindowCases))]
    public void AriDecisionRenewsOnlyOnceThisCertificatesPointInTheWindowIsReached(int start, int end, int ownRenewal, bool expected)
    {
        var window = new AriWindow(Now.AddHours(start), Now.AddHours(end));
        var schedule = RenewalScheduler.Schedule(Now.AddHours(ownRenewal), Now.AddDays(30), Now, "uid-1", window);
        var point = RenewalScheduler.PointInWindow(window, "uid-1");
        var decision = TriggerStep.AriDecision(window, schedule, Now);
        Assert.Equal(expected || point <= Now, decision is not null);
        if (decision is not null)
        {
            Assert.Equal(ConditionReasons.Renewing, decision.Reason);
            Assert.Contains("renewal window", decision.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void NoWindowNoAriDecision() =>
        Assert.Null(TriggerStep.AriDecision(null, RenewalScheduler.Schedule(Now.AddHours(-1), Now.AddDays(1), Now, "uid", null), Now));

    [Fact]
    public void ReplacesIsTheCertIdOfTheCurrentCertificate()
    {
        var (chainPem, _, _) = CertificateObjects.Chain("ari.example.com");
        var state = new CertificateSyncState(CertificateObjects.Certificate(dnsNames: "ari.example.com"), Now)
        {
            Secret = new V1Secret { Data = new Dictionary<string, byte[]> { ["tls.crt"] = Encoding.UTF8.GetBytes(chainPem) } },
        };
        using var leaf = X509Certificate2.CreateFromPem(chainPem);
        Assert.Equal(RenewalCertId.Compute(leaf), RequestStep.ReplacesCertId(state));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not a certificate")]
    public void ReplacesIsNullWithoutAReadableCertificate(string? tlsCrt)
    {
        var state = new CertificateSyncState(CertificateObjects.Certificate(), Now)
        {
            Secret = tlsCrt is null ? null : new V1Secret { Data = new Dictionary<string, byte[]> { ["tls.crt"] = Encoding.UTF8.GetBytes(tlsCrt) } },
        };
        Assert.Null(RequestStep.ReplacesCertId(state));
    }

    [Fact]
    public void OrderCarriesTheReplacesAnnotationOnlyWhenGiven()
    {
        var certificate = CertificateObjects.Certificate(dnsNames: "ari.example.com");
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        Assert.Equal("aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE",
            CertificateObjects.Order(certificate, key, replaces: "aYhba4dGQEHhs3uEe6CuLN4ByNQ.AIdlQyE").Order.Metadata.Annotations[AnnotationKeys.AcmeReplaces]);
        Assert.False(CertificateObjects.Order(certificate, key).Order.Metadata.Annotations.ContainsKey(AnnotationKeys.AcmeReplaces));
    }
}
