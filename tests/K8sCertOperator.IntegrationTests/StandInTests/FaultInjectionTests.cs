using k8s;
using K8sCertOperator.IntegrationTests.StandIn;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>The fault hooks load and failure tests rely on.</summary>
public sealed class FaultInjectionTests : StandInTestBase
{
    [Fact]
    public async Task Injected_500s_fail_matching_requests_then_the_server_recovers()
    {
        await CreateSecretAsync("s");
        Server.Requests.Reset();
        Server.Faults.FailNext(2, 500, r => r.Verb == "get" && r.Plural == "secrets");

        Assert.Equal((500, "InternalError"), await StatusOfAsync(() => Client.CoreV1.ReadNamespacedSecretAsync("s", Namespace, cancellationToken: Token)));
        // A non-matching request is served normally in between.
        await Client.CoreV1.ListNamespacedSecretAsync(Namespace, cancellationToken: Token);
        Assert.Equal((500, "InternalError"), await StatusOfAsync(() => Client.CoreV1.ReadNamespacedSecretAsync("s", Namespace, cancellationToken: Token)));
        var read = await Client.CoreV1.ReadNamespacedSecretAsync("s", Namespace, cancellationToken: Token);

        Assert.Equal("s", read.Metadata.Name);
        Assert.Equal(0, Server.Faults.PendingCount);
        Assert.Equal(3, Server.Requests.Count("get", "/secrets/s"));
        Assert.Equal(1, Server.Requests.Count("list"));
    }

    [Theory]
    [InlineData(409, "Conflict")]
    [InlineData(429, "TooManyRequests")]
    public async Task Injected_status_codes_carry_matching_reasons(int code, string reason)
    {
        Server.Faults.FailNext(1, code, r => r.Verb == "create");
        Assert.Equal((code, reason), await StatusOfAsync(() => CreateSecretAsync("s")));
        await CreateSecretAsync("s");
    }

    [Fact]
    public async Task Dropped_watch_ends_the_client_stream()
    {
        await using var watch = new WatchRecorder<TestCustomObject>(
            t => Client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync(TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, watch: true, cancellationToken: t),
            Token);
        await CreateCertificateAsync("c");
        Assert.Equal(WatchEventType.Added, (await watch.NextChangeAsync(Patience)).Type);

        Assert.Equal(1, Server.Faults.DropWatches());
        await watch.Closed.WaitAsync(Patience, Token);
        Assert.Equal(0, Server.OpenWatchCount);
    }

    [Fact]
    public void Stored_objects_are_visible_for_assertions()
    {
        Assert.Contains(Server.StoredObjects(), o => (string?)o["kind"] == "Namespace" && (string?)o["metadata"]?["name"] == Namespace);
        Assert.NotNull(Server.GetStoredObject("apiextensions.k8s.io", "customresourcedefinitions", null, "certificates.k8scert.io"));
    }
}
