using k8s.Models;
using K8sCertOperator.Kube;
using K8sCertOperator.Kube.Informers;
using K8sCertOperator.Tests.Controllers.Issuers;
using Microsoft.Extensions.Time.Testing;

namespace K8sCertOperator.Tests.Kube.Informers;

public class OwnWriteTrackerTests
{
    private static readonly ObjectKey Web = new("ns", "web");

    private static V1Secret Secret(string name, string resourceVersion) =>
        new() { Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "ns", ResourceVersion = resourceVersion } };

    [Fact]
    public void Behind_until_the_cache_shows_our_write_then_never_again()
    {
        var informer = new StubInformer<V1Secret>();
        var tracker = new OwnWriteTracker<V1Secret>(informer, new FakeTimeProvider());
        informer.Add(Secret("web", "1"));
        Assert.False(tracker.IsBehind(Web));

        tracker.Record(Secret("web", "2"));
        Assert.True(tracker.IsBehind(Web));
        Assert.False(tracker.IsBehind(new ObjectKey("ns", "api")));

        informer.Update(Secret("web", "2"));
        Assert.False(tracker.IsBehind(Web));
        informer.Update(Secret("web", "3")); // someone else's later write: nothing to wait for
        Assert.False(tracker.IsBehind(Web));
    }

    [Fact]
    public void A_write_the_watch_delivered_before_it_was_recorded_is_not_waited_for()
    {
        var informer = new StubInformer<V1Secret>();
        var tracker = new OwnWriteTracker<V1Secret>(informer, new FakeTimeProvider());
        informer.Add(Secret("web", "5"));

        tracker.Record(Secret("web", "5"));

        Assert.False(tracker.IsBehind(Web));
    }

    [Fact]
    public void Waiting_is_bounded_when_the_write_is_never_seen_and_ends_on_delete()
    {
        var time = new FakeTimeProvider();
        var informer = new StubInformer<V1Secret>();
        var tracker = new OwnWriteTracker<V1Secret>(informer, time, TimeSpan.FromSeconds(10));

        tracker.Record(Secret("web", "7")); // e.g. a relist jumped past it
        time.Advance(TimeSpan.FromSeconds(10));
        Assert.True(tracker.IsBehind(Web));
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(tracker.IsBehind(Web));
        Assert.False(tracker.IsBehind(Web));

        informer.Add(Secret("web", "8"));
        tracker.Record(Secret("web", "9"));
        informer.Delete(Secret("web", "8"));
        Assert.False(tracker.IsBehind(Web));
    }

    [Fact]
    public void Writes_without_a_resource_version_are_ignored()
    {
        var tracker = new OwnWriteTracker<V1Secret>(new StubInformer<V1Secret>(), new FakeTimeProvider());
        tracker.Record(null);
        tracker.Record(Secret("web", ""));
        Assert.False(tracker.IsBehind(Web));
    }
}
