using K8sCertOperator.Kube.Events;

namespace K8sCertOperator.Tests.Kube.Events;

public class EventCorrelatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static EventKey Key(string reason = "Issued", string message = "ok", string? uid = "u1") =>
        new("Certificate", "ns", "c", uid, EventTypes.Normal, reason, message, "k8s-cert-operator");

    [Theory]
    [InlineData(0, true)]
    [InlineData(599, true)]
    [InlineData(600, true)]
    [InlineData(601, false)]
    public void RepeatWithinWindowUpdatesOtherwiseCreates(int secondsLater, bool update)
    {
        var c = new EventCorrelator(TimeSpan.FromMinutes(10));
        var first = c.Decide(Key(), T0, "c.1");
        c.Recorded(Key(), first, T0);

        var second = c.Decide(Key(), T0.AddSeconds(secondsLater), "c.2");

        Assert.Equal(update, second.IsUpdate);
        Assert.Equal(update ? "c.1" : "c.2", second.EventName);
        Assert.Equal(update ? 2 : 1, second.Count);
    }

    [Fact]
    public void CountKeepsGrowingAndWindowSlidesWithEachRepeat()
    {
        var c = new EventCorrelator(TimeSpan.FromMinutes(10));
        var now = T0;
        var d = c.Decide(Key(), now, "c.1");
        c.Recorded(Key(), d, now);
        for (var i = 0; i < 4; i++)
        {
            now = now.AddMinutes(9); // each repeat is within the window of the previous one
            d = c.Decide(Key(), now, "unused");
            c.Recorded(Key(), d, now);
        }

        Assert.True(d.IsUpdate);
        Assert.Equal(5, d.Count);
        Assert.Equal("c.1", d.EventName);
        Assert.Equal(T0, d.FirstTimestamp);
    }

    public static TheoryData<string, EventKey> DistinctKeys => new()
    {
        { "other reason", Key(reason: "Failed") },
        { "other message", Key(message: "different") },
        { "recreated object (new uid)", Key(uid: "u2") },
        { "warning instead of normal", Key() with { Type = EventTypes.Warning } },
        { "other object", Key() with { Name = "other" } },
    };

    [Theory]
    [MemberData(nameof(DistinctKeys))]
    public void DifferentEventsAreNotMerged(string description, EventKey other)
    {
        var c = new EventCorrelator(TimeSpan.FromMinutes(10));
        c.Recorded(Key(), c.Decide(Key(), T0, "c.1"), T0);
        Assert.False(c.Decide(other, T0, "c.2").IsUpdate, description);
    }

    [Fact]
    public void ForgetStartsOver()
    {
        var c = new EventCorrelator(TimeSpan.FromMinutes(10));
        c.Recorded(Key(), c.Decide(Key(), T0, "c.1"), T0);
        c.Forget(Key());
        Assert.False(c.Decide(Key(), T0, "c.2").IsUpdate);
    }

    [Fact]
    public void MemoryIsBounded()
    {
        var c = new EventCorrelator(TimeSpan.FromMinutes(10), capacity: 100);
        for (var i = 0; i < 1000; i++)
        {
            var k = Key(message: "m" + i);
            c.Recorded(k, c.Decide(k, T0.AddSeconds(i), "n" + i), T0.AddSeconds(i));
        }

        Assert.True(c.Count <= 100, $"count {c.Count}");
        var newest = Key(message: "m999");
        Assert.True(c.Decide(newest, T0.AddSeconds(1000), "x").IsUpdate); // recent entries survive eviction
    }
}
