using K8sCertOperator.Kube.Client;
using k8s;
using k8s.Models;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;

namespace K8sCertOperator.Tests.Kube.Informers;

public class InformerCacheTests
{
    private static V1Secret Secret(string ns, string name, string rv, string? owner = null) => new()
    {
        Metadata = new V1ObjectMeta
        {
            NamespaceProperty = ns,
            Name = name,
            ResourceVersion = rv,
            Annotations = owner is null ? null : new Dictionary<string, string> { ["owner"] = owner },
        },
    };

    public static TheoryData<string, WatchEventKind, bool, CacheDeltaType?> ApplyCases => new()
    {
        // description, event, key already cached, expected delta
        { "add new", WatchEventKind.Added, false, CacheDeltaType.Added },
        { "modify unknown counts as add", WatchEventKind.Modified, false, CacheDeltaType.Added },
        { "modify known", WatchEventKind.Modified, true, CacheDeltaType.Updated },
        { "added for known (relist race) is an update", WatchEventKind.Added, true, CacheDeltaType.Updated },
        { "delete known", WatchEventKind.Deleted, true, CacheDeltaType.Deleted },
        { "delete unknown is a no-op", WatchEventKind.Deleted, false, null },
        { "bookmark is a no-op", WatchEventKind.Bookmark, true, null },
        { "error is a no-op", WatchEventKind.Error, true, null },
    };

    [Theory]
    [MemberData(nameof(ApplyCases))]
    public void ApplyWatchEvent(string description, WatchEventKind type, bool cached, CacheDeltaType? expected)
    {
        var cache = new InformerCache<V1Secret>();
        if (cached)
        {
            cache.Apply(WatchEventKind.Added, Secret("ns", "s", "1"));
        }

        var delta = cache.Apply(type, Secret("ns", "s", "2"));

        Assert.True(expected == delta?.Type, description);
        var stored = cache.Get(new ObjectKey("ns", "s"));
        switch (expected)
        {
            case CacheDeltaType.Added or CacheDeltaType.Updated:
                Assert.Equal("2", stored?.ResourceVersion());
                break;
            case CacheDeltaType.Deleted:
                Assert.Null(stored);
                Assert.Equal("1", delta!.Object.ResourceVersion()); // last known state is reported
                break;
        }
    }

    [Fact]
    public void UpdateCarriesTheOldObject()
    {
        var cache = new InformerCache<V1Secret>();
        cache.Apply(WatchEventKind.Added, Secret("ns", "s", "1"));
        var delta = cache.Apply(WatchEventKind.Modified, Secret("ns", "s", "2"));
        Assert.Equal("1", delta!.Old!.ResourceVersion());
        Assert.Equal("2", delta.Object.ResourceVersion());
    }

    [Fact]
    public void SameResourceVersionIsNotAnUpdate()
    {
        var cache = new InformerCache<V1Secret>();
        cache.Apply(WatchEventKind.Added, Secret("ns", "s", "7"));
        Assert.Null(cache.Apply(WatchEventKind.Modified, Secret("ns", "s", "7")));
    }

    [Fact]
    public void ReplaceProducesAddsUpdatesAndDeletesForVanishedObjects()
    {
        var cache = new InformerCache<V1Secret>();
        cache.Replace([Secret("ns", "keep", "1"), Secret("ns", "change", "1"), Secret("ns", "vanish", "1")]);

        var deltas = cache.Replace([Secret("ns", "keep", "1"), Secret("ns", "change", "5"), Secret("other", "new", "6")]);

        var summary = deltas.Select(d => $"{d.Type}:{ObjectKey.From(d.Object)}").OrderBy(s => s, StringComparer.Ordinal).ToList();
        Assert.Equal(["Added:other/new", "Deleted:ns/vanish", "Updated:ns/change"], summary);
        Assert.Equal(3, cache.Count);
        Assert.Null(cache.Get(new ObjectKey("ns", "vanish")));
    }

    [Fact]
    public void ReplaceWithEmptyListDeletesEverything()
    {
        var cache = new InformerCache<V1Secret>();
        cache.Replace([Secret("a", "1", "1"), Secret("b", "2", "1")]);
        var deltas = cache.Replace([]);
        Assert.All(deltas, d => Assert.Equal(CacheDeltaType.Deleted, d.Type));
        Assert.Equal(2, deltas.Count);
        Assert.Equal(0, cache.Count);
    }

    [Fact]
    public void IndexFollowsAddsUpdatesAndDeletes()
    {
        var cache = new InformerCache<V1Secret>();
        cache.AddIndex("owner", s => s.Metadata.Annotations is { } a && a.TryGetValue("owner", out var o) ? [o] : []);
        cache.Apply(WatchEventKind.Added, Secret("ns", "s1", "1", owner: "cert-a"));
        cache.Apply(WatchEventKind.Added, Secret("ns", "s2", "1", owner: "cert-a"));
        cache.Apply(WatchEventKind.Added, Secret("ns", "s3", "1", owner: "cert-b"));

        Assert.Equal(["s1", "s2"], cache.ByIndex("owner", "cert-a").Select(s => s.Name()).Order(StringComparer.Ordinal));

        cache.Apply(WatchEventKind.Modified, Secret("ns", "s1", "2", owner: "cert-b"));
        Assert.Equal(["s2"], cache.ByIndex("owner", "cert-a").Select(s => s.Name()));
        Assert.Equal(["s1", "s3"], cache.ByIndex("owner", "cert-b").Select(s => s.Name()).Order(StringComparer.Ordinal));

        cache.Apply(WatchEventKind.Deleted, Secret("ns", "s2", "3"));
        Assert.Empty(cache.ByIndex("owner", "cert-a"));
        Assert.Empty(cache.ByIndex("owner", "unknown"));
    }

    [Fact]
    public void IndexAddedLaterCoversExistingItems()
    {
        var cache = new InformerCache<V1Secret>();
        cache.Apply(WatchEventKind.Added, Secret("ns", "s1", "1", owner: "x"));
        cache.AddIndex("owner", s => s.Metadata.Annotations is { } a && a.TryGetValue("owner", out var o) ? [o] : []);
        Assert.Single(cache.ByIndex("owner", "x"));
    }

    [Fact]
    public void ThrowingIndexFunctionDoesNotBreakTheCache()
    {
        var cache = new InformerCache<V1Secret>();
        cache.AddIndex("bad", _ => throw new InvalidOperationException("boom"));
        Assert.NotNull(cache.Apply(WatchEventKind.Added, Secret("ns", "s", "1")));
        Assert.Equal(1, cache.Count);
        Assert.Empty(cache.ByIndex("bad", "anything"));
    }

    [Fact]
    public void UnknownIndexAndDuplicateIndexAreErrors()
    {
        var cache = new InformerCache<V1Secret>();
        cache.AddIndex("i", _ => []);
        Assert.Throws<InvalidOperationException>(() => cache.AddIndex("i", _ => []));
        Assert.Throws<InvalidOperationException>(() => cache.ByIndex("nope", "v"));
    }
}
