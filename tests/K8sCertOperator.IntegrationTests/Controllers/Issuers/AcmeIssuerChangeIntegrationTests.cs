using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Kube;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Issuers;

/// <summary>ACME issuers reacting to changes: email, deleted account key, key Secret events, and a server that is not ACME.</summary>
public sealed class AcmeIssuerChangeIntegrationTests(PebbleFixture pebble, ITestOutputHelper output) : IClassFixture<PebbleFixture>
{
    [SkippableFact]
    public async Task Changed_email_is_recorded_for_the_same_account()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        await using var harness = await IssuerHarness.StartAsync(env, cts.Token);
        await harness.CreateIssuerAsync("acme", IssuerHarness.Acme(pebble.DirectoryUrl).CaBundle(pebble.TlsCaPem).Email("old@example.com").Build(), cts.Token);
        Assert.True((await harness.ReconcileIssuerAsync("acme", cts.Token)).IsSuccess);
        var before = await harness.GetIssuerAsync("acme", cts.Token);

        await harness.Apis.Issuers.PatchAsync(env.Namespace, "acme", """{"spec":{"acme":{"email":"new@example.com"}}}""", cts.Token);
        var result = await harness.ReconcileIssuerAsync("acme", cts.Token);

        Assert.True(result.IsSuccess, result.Reason);
        var after = await harness.GetIssuerAsync("acme", cts.Token);
        Assert.Equal("new@example.com", after.Status!.Acme!.LastRegisteredEmail);
        Assert.Equal(before.Status!.Acme!.Uri, after.Status.Acme.Uri);
        Assert.Equal(after.Metadata.Generation, ConditionSet.Find(after.Status.Conditions, ConditionTypes.Ready)!.ObservedGeneration);
    }

    [SkippableFact]
    public async Task A_deleted_account_key_is_regenerated_and_registered_as_a_new_account()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        await using var harness = await IssuerHarness.StartAsync(env, cts.Token);
        await harness.CreateIssuerAsync("acme", IssuerHarness.Acme(pebble.DirectoryUrl).CaBundle(pebble.TlsCaPem).Build(), cts.Token);
        Assert.True((await harness.ReconcileIssuerAsync("acme", cts.Token)).IsSuccess);
        var before = (await harness.GetIssuerAsync("acme", cts.Token)).Status!.Acme!;
        var oldLookup = await harness.Registry.GetAsync(new ObjectReference { Name = "acme" }, env.Namespace, cts.Token);
        Assert.True(oldLookup.IsReady, oldLookup.NotReadyReason);

        await harness.Apis.Secrets.DeleteAsync(env.Namespace, "acme-account-key", cts.Token);
        await WaitUntilAsync(() => harness.Informers.ManagedSecrets.Get(new ObjectKey(env.Namespace, "acme-account-key")) is null, cts.Token);
        var result = await harness.ReconcileIssuerAsync("acme", cts.Token);

        Assert.True(result.IsSuccess, result.Reason);
        var after = (await harness.GetIssuerAsync("acme", cts.Token)).Status!.Acme!;
        Assert.NotEqual(before.LastPrivateKeyHash, after.LastPrivateKeyHash);
        Assert.NotEqual(before.Uri, after.Uri);
        await WaitUntilAsync(() => harness.Informers.Issuers.Get(new ObjectKey(env.Namespace, "acme"))?.Status?.Acme?.Uri == after.Uri, cts.Token);
        var lookup = await harness.Registry.GetAsync(new ObjectReference { Name = "acme" }, env.Namespace, cts.Token);
        Assert.True(lookup.IsReady, lookup.NotReadyReason);
        Assert.Equal(after.Uri, lookup.Client!.AccountUrl!.AbsoluteUri);
    }

    [SkippableFact]
    public async Task A_managed_key_secret_event_enqueues_the_issuer_using_it()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        await using var harness = await IssuerHarness.StartAsync(env, cts.Token);
        await harness.CreateIssuerAsync("acme", IssuerHarness.Acme(pebble.DirectoryUrl).KeySecret("shared-key").Build(), cts.Token);
        var issuerKey = new ObjectKey(env.Namespace, "acme");
        var (added, _) = await harness.IssuerQueue.GetAsync(cts.Token);
        Assert.Equal(issuerKey, added);
        harness.IssuerQueue.Done(added);

        await harness.Apis.Secrets.CreateAsync(new V1Secret
        {
            Metadata = new V1ObjectMeta
            {
                Name = "shared-key",
                NamespaceProperty = env.Namespace,
                Labels = new Dictionary<string, string> { [LabelKeys.ManagedBy] = LabelKeys.ManagedByValue },
            },
        }, cts.Token);
        var (fromSecret, _) = await harness.IssuerQueue.GetAsync(cts.Token);

        Assert.Equal(issuerKey, fromSecret);
    }

    [SkippableFact]
    public async Task A_server_answering_html_is_not_an_acme_directory()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        await using var web = builder.Build();
        web.MapGet("/directory", () => Results.Content("<html><body>Welcome to nginx!</body></html>", "text/html"));
        await web.StartAsync(cts.Token);
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        await using var harness = await IssuerHarness.StartAsync(env, cts.Token);
        await harness.CreateIssuerAsync("html", IssuerHarness.Acme(new Uri($"http://127.0.0.1:{port}/directory")).Build(), cts.Token);

        var result = await harness.ReconcileIssuerAsync("html", cts.Token);

        Assert.False(result.IsSuccess);
        var ready = ConditionSet.Find((await harness.GetIssuerAsync("html", cts.Token)).Status?.Conditions, ConditionTypes.Ready);
        Assert.Equal(ConditionReasons.ErrRegisterAcmeAccount, ready?.Reason);
        Assert.Contains("did not answer as an ACME directory", ready?.Message, StringComparison.Ordinal);
        await web.StopAsync(cts.Token);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, CancellationToken cancellationToken)
    {
        while (!condition())
        {
            await Task.Delay(20, cancellationToken);
        }
    }
}
