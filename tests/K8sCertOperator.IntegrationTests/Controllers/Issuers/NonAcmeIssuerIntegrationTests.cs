using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.Pki;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Issuers;

/// <summary>SelfSigned and CA issuers through the shared issuer reconciler against the test API server.</summary>
public sealed class NonAcmeIssuerIntegrationTests(ITestOutputHelper output)
{
    [Fact]
    public async Task SelfSigned_issuer_is_ready_and_not_an_acme_issuer()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        await using var harness = await IssuerHarness.StartAsync(env, cts.Token);
        await harness.CreateIssuerAsync("ss", new IssuerSpec { SelfSigned = new K8sCertOperator.Api.SelfSignedIssuer() }, cts.Token);

        var result = await harness.ReconcileIssuerAsync("ss", cts.Token);

        Assert.True(result.IsSuccess, result.Reason);
        var ready = ConditionSet.Find((await harness.GetIssuerAsync("ss", cts.Token)).Status?.Conditions, ConditionTypes.Ready);
        Assert.Equal(ConditionStatus.True, ready?.Status);
        Assert.Equal(ConditionReasons.IsReady, ready?.Reason);
        Assert.NotNull(ready?.LastTransitionTime);

        var lookup = await harness.Registry.GetAsync(new ObjectReference { Name = "ss" }, env.Namespace, cts.Token);
        Assert.False(lookup.IsReady);
        Assert.Contains("is not an ACME issuer", lookup.NotReadyReason, StringComparison.Ordinal);
        var missing = await harness.Registry.GetAsync(new ObjectReference { Name = "nope" }, env.Namespace, cts.Token);
        Assert.Contains("not found", missing.NotReadyReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CA_issuer_with_a_valid_CA_secret_is_ready_and_rechecks_later()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        await using var harness = await IssuerHarness.StartAsync(env, cts.Token);
        await CreateKeyPairSecretAsync(harness, "root-ca", isCa: true, cts.Token);
        await harness.CreateIssuerAsync("ca", new IssuerSpec { Ca = new CaIssuer { SecretName = "root-ca" } }, cts.Token);

        var result = await harness.ReconcileIssuerAsync("ca", cts.Token);

        Assert.True(result.IsSuccess, result.Reason);
        Assert.Equal(IssuerReconciler<Issuer>.CaRecheckInterval, result.RequeueAfter);
        var ready = ConditionSet.Find((await harness.GetIssuerAsync("ca", cts.Token)).Status?.Conditions, ConditionTypes.Ready);
        Assert.Equal(ConditionStatus.True, ready?.Status);
        Assert.Equal(ConditionReasons.KeyPairVerified, ready?.Reason);
    }

    [Fact]
    public async Task CA_issuer_with_a_non_CA_secret_then_a_missing_one_is_not_ready()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        await using var harness = await IssuerHarness.StartAsync(env, cts.Token);
        await CreateKeyPairSecretAsync(harness, "leaf", isCa: false, cts.Token);
        await harness.CreateIssuerAsync("ca", new IssuerSpec { Ca = new CaIssuer { SecretName = "leaf" } }, cts.Token);

        var result = await harness.ReconcileIssuerAsync("ca", cts.Token);

        Assert.False(result.IsSuccess);
        var ready = ConditionSet.Find((await harness.GetIssuerAsync("ca", cts.Token)).Status?.Conditions, ConditionTypes.Ready);
        Assert.Equal(ConditionStatus.False, ready?.Status);
        Assert.Equal(ConditionReasons.ErrInvalidKeyPair, ready?.Reason);
        Assert.Contains(await harness.EventsForAsync("ca", cts.Token), e => e.Type == "Warning" && e.Reason == ConditionReasons.ErrInvalidKeyPair);

        await harness.Apis.Secrets.DeleteAsync(env.Namespace, "leaf", cts.Token);
        var second = await harness.ReconcileIssuerAsync("ca", cts.Token);

        Assert.False(second.IsSuccess);
        var after = ConditionSet.Find((await harness.GetIssuerAsync("ca", cts.Token)).Status?.Conditions, ConditionTypes.Ready);
        Assert.Equal(ConditionReasons.ErrGetKeyPair, after?.Reason);
        Assert.Contains("not found", after?.Message, StringComparison.Ordinal);
        // Still False: the transition time is the one from the first failure.
        Assert.Equal(ready?.LastTransitionTime, after?.LastTransitionTime);
    }

    private static async Task CreateKeyPairSecretAsync(IssuerHarness harness, string name, bool isCa, CancellationToken cancellationToken)
    {
        using var key = PrivateKeyGenerator.Generate(new PrivateKeySpec(KeyAlgorithm.Ecdsa));
        var template = isCa
            ? new CertificateTemplate { CommonName = "Test CA", IsCA = true }
            : new CertificateTemplate { CommonName = "leaf.example", DnsNames = ["leaf.example"] };
        var issued = K8sCertOperator.Pki.SelfSignedIssuer.Issue(key, template, TimeSpan.FromDays(30), DateTimeOffset.UtcNow.AddMinutes(-5));
        await harness.Apis.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = harness.Env.Namespace },
            Type = "kubernetes.io/tls",
            Data = new Dictionary<string, byte[]>
            {
                ["tls.crt"] = Encoding.UTF8.GetBytes(issued.CertificatePem),
                ["tls.key"] = Encoding.UTF8.GetBytes(key.ExportPem(PrivateKeyEncoding.Pkcs8)),
            },
        }, cancellationToken);
    }
}
