using System.Text.Json.Nodes;
using k8s;
using k8s.Models;

namespace K8sCertOperator.IntegrationTests.StandInTests;

/// <summary>List selectors and the three patch flavours, through the real client.</summary>
public sealed class SelectorAndPatchTests : StandInTestBase
{
    [Theory]
    [InlineData("app=web", "a,b")]
    [InlineData("app==web", "a,b")]
    [InlineData("app!=web", "c,d")]
    [InlineData("app in (web,db)", "a,b,c")]
    [InlineData("app notin (web)", "c,d")]
    [InlineData("tier", "a,c")]
    [InlineData("!tier", "b,d")]
    [InlineData("app=web,tier=front", "a")]
    [InlineData("app in (web, db),!tier", "b")]
    [InlineData("", "a,b,c,d")]
    public async Task Label_selector_filters_the_list(string selector, string expected)
    {
        await CreateSecretAsync("a", new Dictionary<string, string> { ["app"] = "web", ["tier"] = "front" });
        await CreateSecretAsync("b", new Dictionary<string, string> { ["app"] = "web" });
        await CreateSecretAsync("c", new Dictionary<string, string> { ["app"] = "db", ["tier"] = "back" });
        await CreateSecretAsync("d");

        var list = await Client.CoreV1.ListNamespacedSecretAsync(Namespace, labelSelector: selector, cancellationToken: Token);
        Assert.Equal(expected, string.Join(",", list.Items.Select(s => s.Metadata.Name)));
    }

    [Fact]
    public async Task Field_selector_on_metadata_name_and_namespace()
    {
        await CreateSecretAsync("a");
        await CreateSecretAsync("b");
        var byName = await Client.CoreV1.ListNamespacedSecretAsync(Namespace, fieldSelector: "metadata.name=b", cancellationToken: Token);
        Assert.Equal(["b"], byName.Items.Select(s => s.Metadata.Name));
        var notName = await Client.CoreV1.ListSecretForAllNamespacesAsync(fieldSelector: $"metadata.name!=b,metadata.namespace={Namespace}", cancellationToken: Token);
        Assert.Equal(["a"], notName.Items.Select(s => s.Metadata.Name));
    }

    [Fact]
    public async Task Malformed_label_selector_is_400()
    {
        var (code, reason) = await StatusOfAsync(() => Client.CoreV1.ListNamespacedSecretAsync(Namespace, labelSelector: "a in b", cancellationToken: Token));
        Assert.Equal((400, "BadRequest"), (code, reason));
    }

    [Fact]
    public async Task Limit_and_continue_page_through_a_list()
    {
        foreach (var name in new[] { "a", "b", "c" })
        {
            await CreateSecretAsync(name);
        }
        var first = await Client.CoreV1.ListNamespacedSecretAsync(Namespace, limit: 2, cancellationToken: Token);
        Assert.Equal(["a", "b"], first.Items.Select(s => s.Metadata.Name));
        var second = await Client.CoreV1.ListNamespacedSecretAsync(Namespace, limit: 2, continueParameter: first.Metadata.ContinueProperty, cancellationToken: Token);
        Assert.Equal(["c"], second.Items.Select(s => s.Metadata.Name));
        Assert.Null(second.Metadata.ContinueProperty);
    }

    [Fact]
    public async Task Merge_patch_sets_and_removes_fields()
    {
        await CreateCertificateAsync("c");
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["l"] = "1" } },
            ["spec"] = new JsonObject { ["secretName"] = "patched", ["dnsNames"] = null },
        };
        var patched = await PatchCertificateAsync("c", patch);
        Assert.Equal("patched", (string?)patched.Spec?["secretName"]);
        Assert.False(patched.Spec!.ContainsKey("dnsNames"));
        Assert.Equal("1", patched.Metadata.Labels["l"]);
        Assert.Equal(2, patched.Metadata.Generation);
    }

    [Fact]
    public async Task Json_patch_applies_operations_and_test_failure_is_422()
    {
        await CreateCertificateAsync("c");
        var ops = new JsonArray(
            new JsonObject { ["op"] = "test", ["path"] = "/spec/secretName", ["value"] = "tls" },
            new JsonObject { ["op"] = "add", ["path"] = "/spec/dnsNames/-", ["value"] = "b.example.com" },
            new JsonObject { ["op"] = "replace", ["path"] = "/spec/secretName", ["value"] = "other" });
        var patched = await PatchCertificateAsync("c", ops, V1Patch.PatchType.JsonPatch);
        Assert.Equal("other", (string?)patched.Spec?["secretName"]);
        Assert.Equal(2, patched.Spec?["dnsNames"]?.AsArray().Count);

        var failing = new JsonArray(new JsonObject { ["op"] = "test", ["path"] = "/spec/secretName", ["value"] = "tls" });
        var (code, _) = await StatusOfAsync(() => PatchCertificateAsync("c", failing, V1Patch.PatchType.JsonPatch));
        Assert.Equal(422, code);
    }

    [Fact]
    public async Task Patch_on_status_changes_only_status()
    {
        await CreateCertificateAsync("c");
        var patch = new JsonObject { ["status"] = new JsonObject { ["phase"] = "Ready" }, ["spec"] = new JsonObject { ["secretName"] = "ignored" } };
        var patched = await Client.CustomObjects.PatchNamespacedCustomObjectStatusAsync<TestCustomObject>(
            new V1Patch(patch, V1Patch.PatchType.MergePatch), TestCrds.Group, TestCrds.Version, Namespace, TestCrds.Plural, "c", cancellationToken: Token);
        Assert.Equal("Ready", (string?)patched.Status?["phase"]);
        Assert.Equal("tls", (string?)patched.Spec?["secretName"]);
        Assert.Equal(1, patched.Metadata.Generation);
    }

    [Fact]
    public async Task Strategic_merge_patch_on_secret_is_accepted()
    {
        await CreateSecretAsync("s");
        var patch = new JsonObject { ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["x"] = "y" } } };
        var patched = await Client.CoreV1.PatchNamespacedSecretAsync(new V1Patch(patch, V1Patch.PatchType.StrategicMergePatch), "s", Namespace, cancellationToken: Token);
        Assert.Equal("y", patched.Metadata.Annotations["x"]);
    }

    [Fact]
    public async Task Patch_with_stale_resourceVersion_is_409()
    {
        var created = await CreateCertificateAsync("c");
        await PatchCertificateAsync("c", new JsonObject { ["spec"] = new JsonObject { ["secretName"] = "x" } });
        var stale = new JsonObject { ["metadata"] = new JsonObject { ["resourceVersion"] = created.Metadata.ResourceVersion }, ["spec"] = new JsonObject { ["secretName"] = "y" } };
        var (code, reason) = await StatusOfAsync(() => PatchCertificateAsync("c", stale));
        Assert.Equal((409, "Conflict"), (code, reason));
    }
}
