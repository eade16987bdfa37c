using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Certificates;
using K8sCertOperator.IntegrationTests.Cluster;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.Certificates.CertificateControllerHarness;

namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>
/// A Certificate whose secretName is already taken by a Secret the operator did not make: adopted only when that
/// Secret is empty or of type kubernetes.io/tls (with an Event); otherwise Ready=False SecretNotOwned and the
/// Secret is left exactly as it was.
/// </summary>
public class SecretAdoptionTests(ITestOutputHelper output)
{
    private static readonly IssuerSpec SelfSigned = new() { SelfSigned = new SelfSignedIssuer() };

    [Fact]
    public async Task An_opaque_secret_with_other_data_is_not_owned_and_left_untouched()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        await h.CreateReadyIssuerAsync("self", SelfSigned, ct);
        var before = await h.Apis.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "db-credentials", NamespaceProperty = h.Namespace },
            Type = "Opaque",
            Data = new Dictionary<string, byte[]> { ["password"] = Encoding.UTF8.GetBytes("hunter2"), ["user"] = Encoding.UTF8.GetBytes("app") },
        }, ct);

        await h.Apis.Certificates.CreateAsync(NewCertificate(h.Namespace, "web", "db-credentials", "self", "a.example"), ct);

        var refused = await h.WaitForCertificateAsync("web",
            c => HasCondition(c, ConditionTypes.Ready, ConditionStatus.False, CertificateReasons.SecretNotOwned), "Ready=False SecretNotOwned", ct);
        Assert.Contains("db-credentials", ConditionSet.Find(refused.Status!.Conditions, ConditionTypes.Ready)!.Message, StringComparison.Ordinal);
        Assert.Contains(await h.EventsAsync(ct), e => e.Type == "Warning" && e.Reason == CertificateReasons.SecretNotOwned
            && e.InvolvedObject.Name == "web" && !e.Message.Contains("hunter2", StringComparison.Ordinal));
        var after = await h.Apis.Secrets.GetAsync(h.Namespace, "db-credentials", ct);
        Assert.Equal(before.Metadata.ResourceVersion, after!.Metadata.ResourceVersion);
        Assert.Equal(["password", "user"], after.Data.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("hunter2", Encoding.UTF8.GetString(after.Data["password"]));
        Assert.Equal("Opaque", after.Type);
        Assert.Null(refused.Status.Revision);
    }

    [Theory]
    [InlineData("Opaque", false)]
    [InlineData("kubernetes.io/tls", true)]
    public async Task An_empty_or_tls_secret_is_adopted_with_an_event(string type, bool withStaleKeys)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var ct = cts.Token;
        await using var env = await KubeTestEnvironment.StartAsync(output, ct);
        await using var h = await StartAsync(env, ct);
        await h.CreateReadyIssuerAsync("self", SelfSigned, ct);
        await h.Apis.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "web-tls", NamespaceProperty = h.Namespace },
            Type = type,
            // A kubernetes.io/tls Secret must have both keys; these hold nothing usable, so the operator issues.
            Data = withStaleKeys ? new Dictionary<string, byte[]> { ["tls.crt"] = [], ["tls.key"] = [] } : null,
        }, ct);

        await h.Apis.Certificates.CreateAsync(NewCertificate(h.Namespace, "web", "web-tls", "self", "a.example"), ct);

        await h.WaitForReadyRevisionAsync("web", 1, ct);
        var secret = await h.Apis.Secrets.GetAsync(h.Namespace, "web-tls", ct);
        // A Secret's type is immutable: an adopted empty Opaque Secret stays Opaque, holding a valid pair.
        Assert.Equal(type, secret!.Type);
        SecretAssert.ValidTls(new V1Secret { Metadata = secret.Metadata, Type = "kubernetes.io/tls", Data = secret.Data }, "web", "a.example");
        Assert.Equal(LabelKeys.ManagedByValue, secret.Metadata.Labels[LabelKeys.ManagedBy]);
        var adopted = Assert.Single(await h.EventsAsync(ct), e => e.Reason == CertificateReasons.SecretAdopted);
        Assert.Equal(("Normal", "web"), (adopted.Type, adopted.InvolvedObject.Name));
        Assert.Contains("web-tls", adopted.Message, StringComparison.Ordinal);
    }
}
