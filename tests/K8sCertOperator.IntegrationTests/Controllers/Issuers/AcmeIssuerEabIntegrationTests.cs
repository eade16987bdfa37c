using System.Text;
using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Fixtures;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Issuers;

/// <summary>ACME issuers against a Pebble that requires external account binding.</summary>
public sealed class AcmeIssuerEabIntegrationTests(AcmeIssuerEabIntegrationTests.EabPebble pebble, ITestOutputHelper output)
    : IClassFixture<AcmeIssuerEabIntegrationTests.EabPebble>
{
    private const string KeyId = "issuer-kid";
    private const string MacKey = "c2VjcmV0LW1hYy1rZXktZm9yLWlzc3Vlci10ZXN0cy0wMTIzNDU2Nzg5YWJjZGVm";

    /// <summary>Pebble with externalAccountBindingRequired and one MAC key.</summary>
    public sealed class EabPebble() : PebbleFixture(new PebbleOptions
    {
        ExternalAccountBindingRequired = true,
        ExternalAccountMacKeys = new Dictionary<string, string> { [KeyId] = MacKey },
    });

    [SkippableFact]
    public async Task With_the_binding_secret_the_account_is_registered()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        await using var harness = await IssuerHarness.StartAsync(env, cts.Token);
        await CreateMacSecretAsync(harness, MacKey, cts.Token);
        await harness.CreateIssuerAsync("eab", IssuerHarness.Acme(pebble.DirectoryUrl).CaBundle(pebble.TlsCaPem).Eab(KeyId, "eab-hmac", "secret").Build(), cts.Token);

        var result = await harness.ReconcileIssuerAsync("eab", cts.Token);

        Assert.True(result.IsSuccess, result.Reason);
        var issuer = await harness.GetIssuerAsync("eab", cts.Token);
        Assert.True(ConditionSet.IsTrue(issuer.Status?.Conditions, ConditionTypes.Ready));
        Assert.NotNull(issuer.Status!.Acme!.Uri);
    }

    [SkippableFact]
    public async Task A_mac_key_shorter_than_the_hash_of_its_algorithm_is_reported_without_the_key()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        await using var harness = await IssuerHarness.StartAsync(env, cts.Token);
        await CreateMacSecretAsync(harness, MacKey, cts.Token);
        await harness.CreateIssuerAsync("shorteab", IssuerHarness.Acme(pebble.DirectoryUrl).CaBundle(pebble.TlsCaPem).Eab(KeyId, "eab-hmac", "secret", "HS512").Build(), cts.Token);

        var result = await harness.ReconcileIssuerAsync("shorteab", cts.Token);

        Assert.False(result.IsSuccess);
        var ready = ConditionSet.Find((await harness.GetIssuerAsync("shorteab", cts.Token)).Status?.Conditions, ConditionTypes.Ready);
        Assert.Equal(ConditionReasons.ErrRegisterAcmeAccount, ready?.Reason);
        Assert.Contains($"the EAB MAC key for key id '{KeyId}' is 48 bytes, but HS512 needs at least 64 (RFC 7518 §3.2)", ready?.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(MacKey, ready?.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Without_a_binding_the_server_refusal_is_reported()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        await using var harness = await IssuerHarness.StartAsync(env, cts.Token);
        await harness.CreateIssuerAsync("noeab", IssuerHarness.Acme(pebble.DirectoryUrl).CaBundle(pebble.TlsCaPem).Build(), cts.Token);

        var result = await harness.ReconcileIssuerAsync("noeab", cts.Token);

        Assert.False(result.IsSuccess);
        var ready = ConditionSet.Find((await harness.GetIssuerAsync("noeab", cts.Token)).Status?.Conditions, ConditionTypes.Ready);
        Assert.Equal(ConditionReasons.ErrRegisterAcmeAccount, ready?.Reason);
        Assert.Contains("requires an external account binding", ready?.Message, StringComparison.Ordinal);
    }

    [SkippableTheory]
    [InlineData(null, "not found")]
    [InlineData("not+base64url/", "not a base64url-encoded MAC key")]
    public async Task A_missing_or_malformed_binding_secret_is_an_init_error(string? macKey, string messagePart)
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        await using var harness = await IssuerHarness.StartAsync(env, cts.Token);
        if (macKey is not null)
        {
            await CreateMacSecretAsync(harness, macKey, cts.Token);
        }

        await harness.CreateIssuerAsync("badeab", IssuerHarness.Acme(pebble.DirectoryUrl).CaBundle(pebble.TlsCaPem).Eab(KeyId, "eab-hmac", "secret").Build(), cts.Token);

        var result = await harness.ReconcileIssuerAsync("badeab", cts.Token);

        Assert.False(result.IsSuccess);
        var ready = ConditionSet.Find((await harness.GetIssuerAsync("badeab", cts.Token)).Status?.Conditions, ConditionTypes.Ready);
        Assert.Equal(ConditionReasons.ErrInitIssuer, ready?.Reason);
        Assert.Contains(messagePart, ready?.Message, StringComparison.Ordinal);
        if (macKey is not null)
        {
            Assert.DoesNotContain(macKey, ready?.Message, StringComparison.Ordinal);
        }
    }

    private static Task<V1Secret> CreateMacSecretAsync(IssuerHarness harness, string macKey, CancellationToken cancellationToken) =>
        harness.Apis.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta { Name = "eab-hmac", NamespaceProperty = harness.Env.Namespace },
            Data = new Dictionary<string, byte[]> { ["secret"] = Encoding.UTF8.GetBytes(macKey) },
        }, cancellationToken);
}
