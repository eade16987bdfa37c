using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using K8sCertOperator.IntegrationTests.StandIn;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>Watch semantics as seen by the real KubernetesClient watch machinery.</summary>
public sealed class WatchTests : StandInTestBase
{
    protected override StandInOptions Options => new() { BookmarkInterval = TimeSpan.FromMilliseconds(200) };

    [Fact]
    public async Task Watch_receives_added_modified_deleted()
    {
        await using var watch = WatchCertificates(resourceVersion: null);
        await CreateCertificateAsync("c");
        var added = await watch.NextChangeAsync(Patience);
        Assert.Equal((WatchEventType.Added, "c"), (added.Type, added.Object.Metadata.Name));

        await PatchCertificateAsync("c", new JsonObject { ["spec"] = new JsonObject { ["secretName"] = "x" } });
        var modified = await watch.NextChangeAsync(Patience);
        Assert.Equal(WatchEventType.Modified, modified.Type);
        Assert.Equal("x", (string?)modified.Object.Spec?["secretName"]);

        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, "c", cancellationToken: Token);
        var deleted = await watch.NextChangeAsync(Patience);
        Assert.Equal((WatchEventType.Deleted, "c"), (deleted.Type, deleted.Object.Metadata.Name));
        Assert.True(long.Parse(deleted.Object.Metadata.ResourceVersion) > long.Parse(modified.Object.Metadata.ResourceVersion));
    }

    [Fact]
    public async Task Watch_without_resourceVersion_starts_with_current_state()
    {
        await CreateCertificateAsync("existing");
        await using var watch = WatchCertificates(resourceVersion: "0");
        var first = await watch.NextChangeAsync(Patience);
        Assert.Equal((WatchEventType.Added, "existing"), (first.Type, first.Object.Metadata.Name));
    }

    [Fact]
    public async Task Watch_resumed_from_resourceVersion_replays_missed_events()
    {
        var first = await CreateCertificateAsync("c1");
        await CreateCertificateAsync("c2");
        await PatchCertificateAsync("c1", new JsonObject { ["spec"] = new JsonObject { ["secretName"] = "y" } });
        await Client.CustomObjects.DeleteNamespacedCustomObjectAsync(TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, "c2", cancellationToken: Token);

        await using var watch = WatchCertificates(first.Metadata.ResourceVersion);
        var replayed = new List<(WatchEventType, string)>();
        for (var i = 0; i < 3; i++)
        {
            var next = await watch.NextChangeAsync(Patience);
            replayed.Add((next.Type, next.Object.Metadata.Name));
        }
        Assert.Equal([(WatchEventType.Added, "c2"), (WatchEventType.Modified, "c1"), (WatchEventType.Deleted, "c2")], replayed);
    }

    [Fact]
    public async Task Watch_from_compacted_resourceVersion_gets_410_Expired()
    {
        var old = await CreateCertificateAsync("c1");
        await CreateCertificateAsync("c2");
        Server.Faults.CompactHistory();

        await using var watch = WatchCertificates(old.Metadata.ResourceVersion);
        var error = await watch.NextErrorAsync(Patience);
        var status = Assert.IsType<KubernetesException>(error).Status;
        Assert.Equal(410, status.Code);
        Assert.Equal("Expired", status.Reason);
        await watch.Closed.WaitAsync(Patience, Token);
    }

    [Fact]
    public async Task Bookmarks_carry_the_latest_resourceVersion()
    {
        await using var watch = WatchCertificates(resourceVersion: null, bookmarks: true);
        var created = await CreateCertificateAsync("c");
        while (true)
        {
            var next = await watch.NextAsync(Patience);
            if (next.Type == WatchEventType.Bookmark && long.Parse(next.Object.Metadata.ResourceVersion) >= long.Parse(created.Metadata.ResourceVersion))
            {
                Assert.Equal("Certificate", next.Object.Kind);
                return;
            }
        }
    }

    [Fact]
    public async Task Selector_watch_sees_object_leaving_the_selection_as_deleted()
    {
        await using var watch = new WatchRecorder<V1Secret>(
            t => Client.CoreV1.ListNamespacedSecretWithHttpMessagesAsync(Namespace, labelSelector: "app=web", watch: true, cancellationToken: t).ContinueWith(r => ToObjectResponse(r.Result), t, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default),
            Token);
        await CreateSecretAsync("other", new Dictionary<string, string> { ["app"] = "db" });
        await CreateSecretAsync("s", new Dictionary<string, string> { ["app"] = "web" });
        var added = await watch.NextChangeAsync(Patience);
        Assert.Equal((WatchEventType.Added, "s"), (added.Type, added.Object.Metadata.Name));

        var relabel = new JsonObject { ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["app"] = "db" } } };
        await Client.CoreV1.PatchNamespacedSecretAsync(new V1Patch(relabel, V1Patch.PatchType.MergePatch), "s", Namespace, cancellationToken: Token);
        var left = await watch.NextChangeAsync(Patience);
        Assert.Equal((WatchEventType.Deleted, "s"), (left.Type, left.Object.Metadata.Name));
    }

    [Fact]
    public async Task TimeoutSeconds_ends_the_stream()
    {
        await using var watch = new WatchRecorder<TestCustomObject>(
            t => Client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync(
                TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, timeoutSeconds: 1, watch: true, cancellationToken: t),
            Token);
        await watch.Closed.WaitAsync(Patience, Token);
    }

    [Fact]
    public async Task Callback_watch_on_core_secrets_parses_events()
    {
        var seen = new TaskCompletionSource<(WatchEventType, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        var response = Client.CoreV1.ListNamespacedSecretWithHttpMessagesAsync(Namespace, watch: true, cancellationToken: Token);
#pragma warning disable CS0618 // the callback API is still what many operators use
        using var watcher = response.Watch<V1Secret, V1SecretList>((type, secret) => seen.TrySetResult((type, secret.Metadata.Name)), e => seen.TrySetException(e));
#pragma warning restore CS0618
        await CreateSecretAsync("cb");
        Assert.Equal((WatchEventType.Added, "cb"), await seen.Task.WaitAsync(Patience, Token));
    }

    [Fact]
    public async Task Generated_WatchList_async_enumerable_parses_events()
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        stop.CancelAfter(Patience);
        await CreateCertificateAsync("c");
        await foreach (var (type, item) in Client.CustomObjects.WatchListNamespacedCustomObjectAsync(
            TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, cancellationToken: stop.Token))
        {
            Assert.Equal(WatchEventType.Added, type);
            Assert.Contains("\"name\":\"c\"", System.Text.Json.JsonSerializer.Serialize(item), StringComparison.Ordinal);
            break;
        }
    }

    private WatchRecorder<TestCustomObject> WatchCertificates(string? resourceVersion, bool bookmarks = false) =>
        new(
            t => Client.CustomObjects.ListNamespacedCustomObjectWithHttpMessagesAsync(
                TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural,
                allowWatchBookmarks: bookmarks, resourceVersion: resourceVersion, watch: true, cancellationToken: t),
            Token);

    private static HttpOperationResponse<object> ToObjectResponse(HttpOperationResponse<V1SecretList> typed) =>
        new() { Request = typed.Request, Response = typed.Response, Body = typed.Body };
}
