using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Cluster;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.Certificates.CertificateControllerHarness;

namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>
/// A kubernetes.io/tls Secret must hold both tls.crt and tls.key, but either may be empty (how a Secret is made
/// before its certificate exists, and what `revoke --reason keyCompromise` leaves). Empty means "none".
/// </summary>
public class EmptyTlsSecretTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task EmptyValuesMeanNoKeyOrCertificateAndAreIssuedInto(bool emptyCertificate, bool emptyKey)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        await h.CreateReadyIssuerAsync("self", new IssuerSpec { SelfSigned = new SelfSignedIssuer() }, ct);
        // The other entry holds a real value, so only the empty one decides.
        var certificate = NewCertificate(h.Namespace, "web", "web-tls", "self", "a.example");
        var seed = NewCertificate(h.Namespace, "seed", "seed-tls", "self", "a.example");
        await h.Apis.Certificates.CreateAsync(seed, ct);
        await h.WaitForReadyRevisionAsync("seed", 1, ct);
        var seeded = (await h.Apis.Secrets.GetAsync(h.Namespace, "seed-tls", ct))!;
        await h.Apis.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "web-tls", NamespaceProperty = h.Namespace },
            Type = "kubernetes.io/tls",
            Data = new Dictionary<string, byte[]>
            {
                ["tls.crt"] = emptyCertificate ? [] : seeded.Data["tls.crt"],
                ["tls.key"] = emptyKey ? [] : seeded.Data["tls.key"],
            },
        }, ct);

        await h.Apis.Certificates.CreateAsync(certificate, ct);
        var issued = await h.WaitForReadyRevisionAsync("web", 1, ct);

        SecretAssert.ValidTls(await h.Apis.Secrets.GetAsync(h.Namespace, "web-tls", ct), "web", "a.example");
        Assert.Equal(1, issued.Status!.Revision);
        Assert.DoesNotContain(await h.EventsAsync(ct), e => e.Reason is ConditionReasons.InvalidKeyPair or ConditionReasons.InvalidCertificate);
    }
}
