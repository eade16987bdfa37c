using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>Optimistic concurrency, generation bumps and status subresource isolation.</summary>
public sealed class ConcurrencyAndGenerationTests : StandInTestBase
{
    [Fact]
    public async Task Update_with_stale_resourceVersion_is_409_Conflict()
    {
        var original = await CreateCertificateAsync("c");
        var fresh = await GetCertificateAsync("c");
        fresh.Spec!["secretName"] = "first";
        await ReplaceCertificateAsync(fresh);

        original.Spec!["secretName"] = "second";
        var (code, reason) = await StatusOfAsync(() => ReplaceCertificateAsync(original));
        Assert.Equal((409, "Conflict"), (code, reason));
        Assert.Equal("first", (string?)(await GetCertificateAsync("c")).Spec?["secretName"]);
    }

    [Fact]
    public async Task Custom_resource_update_without_resourceVersion_is_422_like_a_real_server()
    {
        var current = await CreateCertificateAsync("c");
        current.Metadata.ResourceVersion = null;
        var (code, reason) = await StatusOfAsync(() => ReplaceCertificateAsync(current));
        Assert.Equal((422, "Invalid"), (code, reason));
    }

    [Fact]
    public async Task Generation_bumps_on_spec_change_only()
    {
        var created = await CreateCertificateAsync("c");
        Assert.Equal(1, created.Metadata.Generation);

        created.Metadata.Labels = new Dictionary<string, string> { ["a"] = "b" };
        var relabelled = await ReplaceCertificateAsync(created);
        Assert.Equal(1, relabelled.Metadata.Generation);
        Assert.NotEqual(created.Metadata.ResourceVersion, relabelled.Metadata.ResourceVersion);

        relabelled.Status = new JsonObject { ["phase"] = "Ready" };
        var statusWritten = await ReplaceCertificateStatusAsync(relabelled);
        Assert.Equal(1, statusWritten.Metadata.Generation);

        statusWritten.Spec!["secretName"] = "changed";
        var respecced = await ReplaceCertificateAsync(statusWritten);
        Assert.Equal(2, respecced.Metadata.Generation);
    }

    [Fact]
    public async Task Unchanged_update_keeps_resourceVersion()
    {
        var created = await CreateCertificateAsync("c");
        var again = await ReplaceCertificateAsync(created);
        Assert.Equal(created.Metadata.ResourceVersion, again.Metadata.ResourceVersion);
    }

    [Fact]
    public async Task Status_subresource_isolation_both_ways()
    {
        var created = await CreateCertificateAsync("c");

        // Main resource writes ignore status.
        created.Status = new JsonObject { ["phase"] = "Sneaky" };
        created.Spec!["secretName"] = "main-write";
        var mainWrite = await ReplaceCertificateAsync(created);
        Assert.Null(mainWrite.Status);
        Assert.Equal("main-write", (string?)mainWrite.Spec?["secretName"]);

        // /status writes ignore spec and metadata.
        mainWrite.Status = new JsonObject { ["phase"] = "Ready" };
        mainWrite.Spec!["secretName"] = "status-write";
        mainWrite.Metadata.Labels = new Dictionary<string, string> { ["x"] = "y" };
        var statusWrite = await ReplaceCertificateStatusAsync(mainWrite);
        Assert.Equal("Ready", (string?)statusWrite.Status?["phase"]);
        Assert.Equal("main-write", (string?)statusWrite.Spec?["secretName"]);
        Assert.Null(statusWrite.Metadata.Labels);

        var stored = await GetCertificateAsync("c");
        Assert.Equal("Ready", (string?)stored.Status?["phase"]);
        Assert.Equal("main-write", (string?)stored.Spec?["secretName"]);
    }

    [Fact]
    public async Task Status_on_create_is_dropped_when_status_is_a_subresource()
    {
        var body = TestCustomObject.Certificate("c", Namespace);
        body.Status = new JsonObject { ["phase"] = "Ready" };
        var created = await Client.CustomObjects.CreateNamespacedCustomObjectAsync<TestCustomObject>(
            body, TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, cancellationToken: Token);
        Assert.Null(created.Status);
    }

    [Fact]
    public async Task Secret_update_without_resourceVersion_is_unconditional()
    {
        await CreateSecretAsync("s");
        var blind = new V1Secret { Metadata = new V1ObjectMeta { Name = "s" }, StringData = new Dictionary<string, string> { ["k"] = "w" } };
        var replaced = await Client.CoreV1.ReplaceNamespacedSecretAsync(blind, "s", Namespace, cancellationToken: Token);
        Assert.Equal("w"u8.ToArray(), replaced.Data["k"]);
    }
}
