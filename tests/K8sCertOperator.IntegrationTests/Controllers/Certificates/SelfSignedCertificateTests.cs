using System.Text;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.Policies;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.Certificates.CertificateControllerHarness;

namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>The Certificate controller end to end with a SelfSigned Issuer on the test API server.</summary>
public class SelfSignedCertificateTests(ITestOutputHelper output)
{
    private static readonly IssuerSpec SelfSigned = new() { SelfSigned = new SelfSignedIssuer() };

    [Fact]
    public async Task IssuesReissuesOnSecretDeletionAndSpecChangeAndRenews()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        await h.CreateReadyIssuerAsync("self", SelfSigned, ct);
        await h.Apis.Certificates.CreateAsync(NewCertificate(h.Namespace, "web", "web-tls", "self", "a.example"), ct);

        var issued = await h.WaitForReadyRevisionAsync("web", 1, ct);
        var secret = await h.Apis.Secrets.GetAsync(h.Namespace, "web-tls", ct);
        var info = SecretAssert.ValidTls(secret, "web", "a.example");
        Assert.Equal(secret!.Data["tls.crt"], secret.Data["ca.crt"]);
        Assert.Equal("self", secret.Metadata.Annotations[AnnotationKeys.IssuerName]);
        Assert.Equal("Issuer", secret.Metadata.Annotations[AnnotationKeys.IssuerKind]);
        Assert.Equal(info.NotAfter.UtcDateTime, issued.Status!.NotAfter);
        Assert.NotNull(issued.Status.RenewalTime);
        Assert.Null(issued.Status.NextPrivateKeySecretName);
        Assert.Null(ConditionSet.Find(issued.Status.Conditions, ConditionTypes.Issuing));
        var keySecrets = await h.Apis.Secrets.ListAsync(h.Namespace, CertificateReasons.NextPrivateKeyLabel + "=true", ct);
        Assert.Empty(keySecrets.Items);
        Assert.Contains(await h.EventsAsync(ct), e => e.Reason == ConditionReasons.Issued);

        // Secret deleted: issued again.
        await h.Apis.Secrets.DeleteAsync(h.Namespace, "web-tls", ct);
        await h.WaitForReadyRevisionAsync("web", 2, ct);
        SecretAssert.ValidTls(await h.Apis.Secrets.GetAsync(h.Namespace, "web-tls", ct), "web", "a.example");

        // dnsNames changed: issued again with the new names.
        await h.Apis.Certificates.PatchAsync(h.Namespace, "web", """{"spec":{"dnsNames":["a.example","b.example"]}}""", ct);
        await h.WaitForReadyRevisionAsync("web", 3, ct);
        SecretAssert.ValidTls(await h.Apis.Secrets.GetAsync(h.Namespace, "web-tls", ct), "web", "a.example", "b.example");

        // Past the renewal time (2/3 of the default 90 days): renewed.
        h.Clock.Offset = TimeSpan.FromDays(61);
        h.Poke("web");
        var renewed = await h.WaitForReadyRevisionAsync("web", 4, ct);
        Assert.True(renewed.Status!.NotBefore > issued.Status.NotBefore!.Value.AddDays(60));
    }

    [Theory]
    [InlineData(RotationPolicies.Never, true)]
    [InlineData(RotationPolicies.Always, false)]
    public async Task RotationPolicyDecidesWhetherTheKeyIsReused(string policy, bool sameKey)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        await h.CreateReadyIssuerAsync("self", SelfSigned, ct);
        var certificate = NewCertificate(h.Namespace, "web", "web-tls", "self", "a.example");
        certificate.Spec.PrivateKey = new CertificatePrivateKey { Algorithm = PrivateKeyAlgorithms.Ecdsa, RotationPolicy = policy, Encoding = PrivateKeyEncodings.Pkcs8 };
        await h.Apis.Certificates.CreateAsync(certificate, ct);
        await h.WaitForReadyRevisionAsync("web", 1, ct);
        var first = (await h.Apis.Secrets.GetAsync(h.Namespace, "web-tls", ct))!;
        Assert.StartsWith("-----BEGIN PRIVATE KEY-----", Encoding.ASCII.GetString(first.Data["tls.key"]), StringComparison.Ordinal);

        h.Clock.Offset = TimeSpan.FromDays(61);
        h.Poke("web");
        await h.WaitForReadyRevisionAsync("web", 2, ct);
        var second = (await h.Apis.Secrets.GetAsync(h.Namespace, "web-tls", ct))!;
        Assert.NotEqual(first.Data["tls.crt"], second.Data["tls.crt"]);
        Assert.Equal(sameKey, SecretAssert.PublicKey(first).AsSpan().SequenceEqual(SecretAssert.PublicKey(second)));
    }

    [Fact]
    public async Task RenewAnnotationTriggersOneReissue()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        await h.CreateReadyIssuerAsync("self", SelfSigned, ct);
        await h.Apis.Certificates.CreateAsync(NewCertificate(h.Namespace, "web", "web-tls", "self", "a.example"), ct);
        await h.WaitForReadyRevisionAsync("web", 1, ct);

        // What the renew CLI writes: a request time after the current certificate's notBefore.
        var requested = DateTimeOffset.UtcNow.AddSeconds(2).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        var patch = "{\"metadata\":{\"annotations\":{\"" + PolicyAnnotations.RenewRequestedAt + "\":\"" + requested + "\"}}}";
        await h.Apis.Certificates.PatchAsync(h.Namespace, "web", patch, ct);
        await h.WaitForReadyRevisionAsync("web", 2, ct);
        var secret = await h.Apis.Secrets.GetAsync(h.Namespace, "web-tls", ct);
        Assert.Equal(requested, secret!.Metadata.Annotations[PolicyAnnotations.RenewRequestedAt]);

        // Answered once: no further revisions.
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        Assert.Equal(2, (await h.Apis.Certificates.GetAsync(h.Namespace, "web", ct))!.Status!.Revision);
    }
}
