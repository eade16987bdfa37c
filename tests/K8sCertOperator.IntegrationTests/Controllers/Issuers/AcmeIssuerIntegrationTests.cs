using System.Text;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Issuers;
using K8sCertOperator.IntegrationTests.Cluster;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Issuers;

/// <summary>ACME Issuer and ClusterIssuer reconciles against the test API server and a real Pebble.</summary>
public sealed class AcmeIssuerIntegrationTests(PebbleFixture pebble, ITestOutputHelper output) : IClassFixture<PebbleFixture>
{
    [SkippableFact]
    public async Task Issuer_generates_an_account_key_and_registers()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        await using var harness = await IssuerHarness.StartAsync(env, cts.Token);
        await harness.CreateIssuerAsync("acme", IssuerHarness.Acme(pebble.DirectoryUrl).CaBundle(pebble.TlsCaPem).Email("ops@example.com").Build(), cts.Token);

        var result = await harness.ReconcileIssuerAsync("acme", cts.Token);

        Assert.True(result.IsSuccess, result.Reason);
        var issuer = await harness.GetIssuerAsync("acme", cts.Token);
        var ready = ConditionSet.Find(issuer.Status?.Conditions, ConditionTypes.Ready);
        Assert.Equal(ConditionStatus.True, ready?.Status);
        Assert.Equal(ConditionReasons.AcmeAccountRegistered, ready?.Reason);
        Assert.Equal(issuer.Metadata.Generation, ready?.ObservedGeneration);
        Assert.StartsWith($"https://127.0.0.1:{pebble.ListenPort}/", issuer.Status!.Acme!.Uri, StringComparison.Ordinal);
        Assert.Equal("ops@example.com", issuer.Status.Acme.LastRegisteredEmail);

        var secret = await harness.Apis.Secrets.GetAsync(env.Namespace, "acme-account-key", cts.Token);
        Assert.NotNull(secret);
        Assert.Equal(LabelKeys.ManagedByValue, secret.Metadata.Labels[LabelKeys.ManagedBy]);
        Assert.Null(secret.Metadata.OwnerReferences);
        using (var key = JwsSigners.FromPrivateKeyPem(Encoding.UTF8.GetString(secret.Data["tls.key"])))
        {
            Assert.Equal("ES256", key.Algorithm);
            Assert.Equal(AcmeAccountKeys.Hash(key), issuer.Status.Acme.LastPrivateKeyHash);
        }

        // Our own status write comes back through the informer: nothing is registered or written again.
        var again = await harness.ReconcileIssuerAsync("acme", cts.Token);
        Assert.True(again.IsSuccess, again.Reason);
        Assert.Equal(issuer.Metadata.ResourceVersion, (await harness.GetIssuerAsync("acme", cts.Token)).Metadata.ResourceVersion);

        var lookup = await harness.Registry.GetAsync(new ObjectReference { Name = "acme" }, env.Namespace, cts.Token);
        Assert.True(lookup.IsReady, lookup.NotReadyReason);
        Assert.Equal(issuer.Status.Acme.Uri, lookup.Client!.AccountUrl!.AbsoluteUri);
        Assert.Contains(await harness.EventsForAsync("acme", cts.Token), e => e.Reason == ConditionReasons.AcmeAccountRegistered);
    }

    [SkippableFact]
    public async Task A_restarted_operator_reuses_the_key_and_finds_the_same_account()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        var spec = IssuerHarness.Acme(pebble.DirectoryUrl).CaBundle(pebble.TlsCaPem).KeySecret("reused", "key.pem").Build();
        string firstUri;
        byte[] firstKey;
        await using (var first = await IssuerHarness.StartAsync(env, cts.Token))
        {
            await first.CreateIssuerAsync("acme", spec, cts.Token);
            var result = await first.ReconcileIssuerAsync("acme", cts.Token);
            Assert.True(result.IsSuccess, result.Reason);
            firstUri = (await first.GetIssuerAsync("acme", cts.Token)).Status!.Acme!.Uri!;
            firstKey = (await first.Apis.Secrets.GetAsync(env.Namespace, "reused", cts.Token))!.Data["key.pem"];
        }

        await using var second = await IssuerHarness.StartAsync(env, cts.Token);

        // A fresh registry can serve the recorded account straight from the Secret and status.
        var lookup = await second.Registry.GetAsync(new ObjectReference { Name = "acme", Kind = "Issuer" }, env.Namespace, cts.Token);
        Assert.True(lookup.IsReady, lookup.NotReadyReason);
        Assert.Equal(firstUri, lookup.Client!.AccountUrl!.AbsoluteUri);

        var again = await second.ReconcileIssuerAsync("acme", cts.Token);
        Assert.True(again.IsSuccess, again.Reason);
        var issuer = await second.GetIssuerAsync("acme", cts.Token);
        Assert.Equal(firstUri, issuer.Status!.Acme!.Uri);
        Assert.Equal(firstKey, (await second.Apis.Secrets.GetAsync(env.Namespace, "reused", cts.Token))!.Data["key.pem"]);
    }

    /// <param name="clusterResourceNamespace">
    /// False: the operator runs in the test namespace, which holds ClusterIssuers' Secrets by default. True: it runs
    /// elsewhere and --cluster-resource-namespace names the test namespace (as when taking over cert-manager's).
    /// </param>
    [SkippableTheory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ClusterIssuer_keeps_its_account_key_in_the_cluster_resource_namespace(bool clusterResourceNamespace)
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        await using var harness = await IssuerHarness.StartAsync(env, cts.Token, clusterResourceNamespace
            ? o => o with { Namespace = "k8s-cert-operator-elsewhere", ClusterResourceNamespace = env.Namespace }
            : null);
        var name = "acme-" + env.Namespace;
        await harness.CreateClusterIssuerAsync(name, IssuerHarness.Acme(pebble.DirectoryUrl).CaBundle(pebble.TlsCaPem).KeySecret("cluster-acme-key").Build(), cts.Token);
        try
        {
            var result = await harness.ReconcileClusterIssuerAsync(name, cts.Token);

            Assert.True(result.IsSuccess, result.Reason);
            var issuer = await harness.Apis.ClusterIssuers.GetAsync(null, name, cts.Token);
            Assert.True(ConditionSet.IsTrue(issuer!.Status?.Conditions, ConditionTypes.Ready));
            Assert.NotNull(issuer.Status!.Acme!.Uri);
            Assert.NotNull(await harness.Apis.Secrets.GetAsync(env.Namespace, "cluster-acme-key", cts.Token));

            var lookup = await harness.Registry.GetAsync(new ObjectReference { Name = name, Kind = ApiGroups.ClusterIssuerKind }, "any-namespace", cts.Token);
            Assert.True(lookup.IsReady, lookup.NotReadyReason);
            Assert.Equal(issuer.Status.Acme.Uri, lookup.Client!.AccountUrl!.AbsoluteUri);
        }
        finally
        {
            await harness.Apis.ClusterIssuers.DeleteAsync(null, name, CancellationToken.None);
        }
    }

    [SkippableTheory]
    [InlineData("wrong-path", ConditionReasons.ErrRegisterAcmeAccount, "did not answer as an ACME directory")]
    [InlineData("closed-port", ConditionReasons.ErrRegisterAcmeAccount, "cannot reach the ACME server")]
    [InlineData("no-ca-bundle", ConditionReasons.ErrRegisterAcmeAccount, "TLS error")]
    // The CRD pattern lets this through (host part "acme.example.com:99999"), but no URL has port 99999.
    [InlineData("port-out-of-range", ConditionReasons.ErrInitIssuer, "not an absolute http(s) URL")]
    public async Task Unusable_servers_leave_the_issuer_not_ready_with_an_event(string setup, string reason, string messagePart)
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        await using var harness = await IssuerHarness.StartAsync(env, cts.Token);
        var withCa = IssuerHarness.Acme(pebble.DirectoryUrl).CaBundle(pebble.TlsCaPem);
        var spec = (setup switch
        {
            "wrong-path" => withCa.Server(new Uri(pebble.DirectoryUrl, "/not-the-directory").AbsoluteUri),
            "closed-port" => withCa.Server($"https://127.0.0.1:{FreePort.Next()}/dir"),
            "no-ca-bundle" => IssuerHarness.Acme(pebble.DirectoryUrl),
            "port-out-of-range" => withCa.Server("https://acme.example.com:99999/directory"),
            _ => throw new ArgumentOutOfRangeException(nameof(setup)),
        }).Build();
        await harness.CreateIssuerAsync("broken", spec, cts.Token);

        var result = await harness.ReconcileIssuerAsync("broken", cts.Token);

        Assert.False(result.IsSuccess);
        var issuer = await harness.GetIssuerAsync("broken", cts.Token);
        var ready = ConditionSet.Find(issuer.Status?.Conditions, ConditionTypes.Ready);
        Assert.Equal(ConditionStatus.False, ready?.Status);
        Assert.Equal(reason, ready?.Reason);
        Assert.Contains(messagePart, ready?.Message, StringComparison.Ordinal);
        var events = await harness.EventsForAsync("broken", cts.Token);
        Assert.Contains(events, e => e.Type == "Warning" && e.Reason == reason);

        var lookup = await harness.Registry.GetAsync(new ObjectReference { Name = "broken" }, env.Namespace, cts.Token);
        Assert.False(lookup.IsReady);
        Assert.Contains(reason, lookup.NotReadyReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Server_that_is_not_a_url_is_refused_by_the_api_server()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        await using var harness = await IssuerHarness.StartAsync(env, cts.Token);
        var spec = IssuerHarness.Acme(new Uri("https://acme.example.com/directory")).Server("acme.example.com/directory").Build();

        var refused = await Assert.ThrowsAsync<K8sCertOperator.Kube.Client.KubeApiException>(() => harness.CreateIssuerAsync("broken", spec, cts.Token));

        Assert.Equal(System.Net.HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains(
            "Issuer.k8scert.io \"broken\" is invalid: spec.acme.server: Invalid value: \"acme.example.com/directory\": spec.acme.server in body should match",
            refused.Message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Generation_disabled_without_a_key_secret_is_not_ready()
    {
        Skip.If(pebble.SkipReason != null, pebble.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var env = await KubeTestEnvironment.StartAsync(output, cts.Token);
        await using var harness = await IssuerHarness.StartAsync(env, cts.Token);
        var spec = IssuerHarness.Acme(pebble.DirectoryUrl).CaBundle(pebble.TlsCaPem).KeySecret("absent").Build();
        spec.Acme!.DisableAccountKeyGeneration = true;
        await harness.CreateIssuerAsync("nokey", spec, cts.Token);

        var result = await harness.ReconcileIssuerAsync("nokey", cts.Token);

        Assert.False(result.IsSuccess);
        var ready = ConditionSet.Find((await harness.GetIssuerAsync("nokey", cts.Token)).Status?.Conditions, ConditionTypes.Ready);
        Assert.Equal(ConditionReasons.ErrInitIssuer, ready?.Reason);
        Assert.Contains("disableAccountKeyGeneration", ready?.Message, StringComparison.Ordinal);
        Assert.Null(await harness.Apis.Secrets.GetAsync(env.Namespace, "absent", cts.Token));
    }
}
