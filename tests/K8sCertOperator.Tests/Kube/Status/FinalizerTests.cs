using System.Text.Json.Nodes;
using K8sCertOperator.Kube.Status;
using K8sCertOperator.Tests.Kube.Fakes;

namespace K8sCertOperator.Tests.Kube.Status;

public class FinalizerTests
{
    private const string Finalizer = "k8scert.io/finalizer";

    [Theory]
    [InlineData(new string[0], true, """{"metadata":{"finalizers":["k8scert.io/finalizer"],"resourceVersion":"7"}}""")]
    [InlineData(new[] { "other" }, true, """{"metadata":{"finalizers":["other","k8scert.io/finalizer"],"resourceVersion":"7"}}""")]
    [InlineData(new[] { "k8scert.io/finalizer" }, true, null)]
    [InlineData(new[] { "other", "k8scert.io/finalizer" }, false, """{"metadata":{"finalizers":["other"],"resourceVersion":"7"}}""")]
    [InlineData(new[] { "k8scert.io/finalizer" }, false, """{"metadata":{"finalizers":[],"resourceVersion":"7"}}""")]
    [InlineData(new[] { "other" }, false, null)]
    public void PatchAddsOrRemovesWithPrecondition(string[] current, bool present, string? expected)
    {
        var patch = FinalizerPatch.Build(current, Finalizer, present, "7");
        if (expected is null)
        {
            Assert.Null(patch);
        }
        else
        {
            Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(patch!)), patch);
        }
    }

    [Fact]
    public void PatchWithoutResourceVersionOmitsPrecondition()
    {
        var patch = FinalizerPatch.Build(null, Finalizer, true, null);
        Assert.Null(JsonNode.Parse(patch!)!["metadata"]!["resourceVersion"]);
    }

    [Fact]
    public async Task AddThenRemoveThroughTheApi()
    {
        var api = new FakeResourceApi<TestWidget>();
        var w = await api.CreateAsync(TestWidget.Create("ns", "w"), default);

        var added = await FinalizerHelper.AddAsync(api, w, Finalizer, default);
        Assert.True(FinalizerHelper.Has(added!, Finalizer));
        var patchesAfterAdd = api.PatchCalls;

        var again = await FinalizerHelper.AddAsync(api, added!, Finalizer, default);
        Assert.Equal(patchesAfterAdd, api.PatchCalls); // already present: no request

        var removed = await FinalizerHelper.RemoveAsync(api, again!, Finalizer, default);
        Assert.False(FinalizerHelper.Has(removed!, Finalizer));
        Assert.Empty(api.Peek("ns", "w")!.Metadata.Finalizers ?? []);
    }

    [Fact]
    public async Task StaleObjectConflictsThenRetriesWithoutLosingOtherFinalizers()
    {
        var api = new FakeResourceApi<TestWidget>();
        var stale = await api.CreateAsync(TestWidget.Create("ns", "w"), default);
        var other = api.Peek("ns", "w")!;
        other.Metadata.Finalizers = ["someone-else/finalizer"];
        await api.ReplaceAsync(other, default);

        var result = await FinalizerHelper.AddAsync(api, stale, Finalizer, default);

        Assert.Equal(["someone-else/finalizer", Finalizer], result!.Metadata.Finalizers);
        Assert.Equal(2, api.PatchCalls); // first attempt rejected by the resourceVersion precondition
    }

    [Fact]
    public async Task MissingObjectReturnsNull()
    {
        var api = new FakeResourceApi<TestWidget>();
        Assert.Null(await FinalizerHelper.AddAsync(api, TestWidget.Create("ns", "ghost"), Finalizer, default));
    }
}
