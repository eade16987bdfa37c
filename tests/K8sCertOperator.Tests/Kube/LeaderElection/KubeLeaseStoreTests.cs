using k8s.Models;
using K8sCertOperator.Kube.LeaderElection;
using K8sCertOperator.Tests.Kube.Fakes;

namespace K8sCertOperator.Tests.Kube.LeaderElection;

/// <summary>The Lease store over our IResourceApi: lost races come back as conflicts, the rest of the Lease is kept.</summary>
public class KubeLeaseStoreTests
{
    private static readonly CancellationToken None = CancellationToken.None;
    private readonly FakeResourceApi<V1Lease> _api = new();

    private KubeLeaseStore Store() => new(_api, "ops", "leader");

    private static V1LeaseSpec Spec(string holder) => new() { HolderIdentity = holder, LeaseDurationSeconds = 15, RenewTime = DateTime.UtcNow };

    [Fact]
    public async Task Creates_the_lease_in_its_namespace_and_a_second_create_is_a_conflict()
    {
        var store = Store();
        Assert.Null(await store.GetAsync(None));

        var created = await store.CreateAsync(Spec("a"), None);
        var again = await store.CreateAsync(Spec("b"), None);

        Assert.False(created.Conflicted);
        Assert.Equal("a", created.Lease!.Spec.HolderIdentity);
        Assert.True(again.Conflicted);
        var stored = _api.Peek("ops", "leader")!;
        Assert.Equal("a", stored.Spec.HolderIdentity);
        Assert.Equal("coordination.k8s.io/v1", stored.ApiVersion);
        Assert.Equal("Lease", stored.Kind);
    }

    [Fact]
    public async Task Replace_against_a_stale_read_is_a_conflict_and_a_fresh_one_wins()
    {
        var store = Store();
        await store.CreateAsync(Spec("a"), None);
        var readByA = (await store.GetAsync(None))!;
        var readByB = (await store.GetAsync(None))!;

        var a = await store.ReplaceAsync(readByA, Spec("a"), None);
        var b = await store.ReplaceAsync(readByB, Spec("b"), None);

        Assert.False(a.Conflicted);
        Assert.NotEqual(readByA.Metadata.ResourceVersion, a.Lease!.Metadata.ResourceVersion);
        Assert.True(b.Conflicted);
        Assert.Equal("a", (await store.GetAsync(None))!.Spec.HolderIdentity);
    }

    [Fact]
    public async Task Replace_keeps_labels_and_a_vanished_lease_is_a_conflict()
    {
        var store = Store();
        await _api.CreateAsync(new V1Lease
        {
            Metadata = new V1ObjectMeta { Name = "leader", NamespaceProperty = "ops", Labels = new Dictionary<string, string> { ["team"] = "certs" } },
            Spec = Spec("a"),
        }, None);
        var read = (await store.GetAsync(None))!;

        var written = await store.ReplaceAsync(read, Spec("b"), None);
        Assert.Equal("certs", written.Lease!.Metadata.Labels["team"]);

        await _api.DeleteAsync("ops", "leader", None);
        Assert.True((await store.ReplaceAsync(written.Lease, Spec("b"), None)).Conflicted);
    }

    [Fact]
    public async Task Other_api_errors_propagate()
    {
        var store = Store();
        _api.FailAllWrites = new HttpRequestException("API server unreachable");

        await Assert.ThrowsAsync<HttpRequestException>(() => store.CreateAsync(Spec("a"), None));
    }
}
