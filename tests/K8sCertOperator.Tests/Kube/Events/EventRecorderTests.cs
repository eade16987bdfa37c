using Microsoft.Extensions.Time.Testing;
using k8s.Models;
using K8sCertOperator.Kube.Events;
using K8sCertOperator.Tests.Kube.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sCertOperator.Tests.Kube.Events;

public class EventRecorderTests
{
    private readonly FakeResourceApi<Corev1Event> _events = new();
    private readonly FakeTimeProvider _time = new();

    private EventRecorder NewRecorder() => new(_events, NullLogger.Instance, dedupeWindow: TimeSpan.FromMinutes(10), timeProvider: _time);

    private static TestWidget Involved(string? ns = "ns") => new()
    {
        Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = "w", Uid = "uid-1", ResourceVersion = "5" },
    };

    [Fact]
    public async Task FirstEventIsCreatedWithReferenceToTheObject()
    {
        await NewRecorder().RecordAsync(Involved(), EventTypes.Normal, "Issued", "certificate issued", default);

        var ev = Assert.Single(_events.All());
        Assert.Equal("ns", ev.Metadata.NamespaceProperty);
        Assert.StartsWith("w.", ev.Metadata.Name, StringComparison.Ordinal);
        Assert.Equal("Widget", ev.InvolvedObject.Kind);
        Assert.Equal("uid-1", ev.InvolvedObject.Uid);
        Assert.Equal("test.k8scert.io/v1", ev.InvolvedObject.ApiVersion);
        Assert.Equal(("Normal", "Issued", "certificate issued", 1), (ev.Type, ev.Reason, ev.Message, ev.Count));
        Assert.Equal("k8s-cert-operator", ev.Source.Component);
    }

    [Fact]
    public async Task RepeatsWithinWindowBumpCountAndLastTimestamp()
    {
        var recorder = NewRecorder();
        await recorder.RecordAsync(Involved(), EventTypes.Warning, "Failed", "ACME error", default);
        _time.Advance(TimeSpan.FromMinutes(1));
        await recorder.RecordAsync(Involved(), EventTypes.Warning, "Failed", "ACME error", default);
        _time.Advance(TimeSpan.FromMinutes(1));
        await recorder.RecordAsync(Involved(), EventTypes.Warning, "Failed", "ACME error", default);

        var ev = Assert.Single(_events.All());
        Assert.Equal(3, ev.Count);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, ev.LastTimestamp!.Value.ToUniversalTime());
        Assert.True(ev.FirstTimestamp < ev.LastTimestamp);
    }

    [Fact]
    public async Task DifferentReasonsAndExpiredWindowCreateNewEvents()
    {
        var recorder = NewRecorder();
        await recorder.RecordAsync(Involved(), EventTypes.Normal, "Issuing", "x", default);
        await recorder.RecordAsync(Involved(), EventTypes.Normal, "Issued", "x", default);
        _time.Advance(TimeSpan.FromMinutes(11));
        await recorder.RecordAsync(Involved(), EventTypes.Normal, "Issued", "x", default);

        Assert.Equal(3, _events.All().Count);
    }

    [Fact]
    public async Task EventDeletedByServerIsRecreated()
    {
        var recorder = NewRecorder();
        await recorder.RecordAsync(Involved(), EventTypes.Normal, "Issued", "x", default);
        var first = Assert.Single(_events.All());
        await _events.DeleteAsync(first.Metadata.NamespaceProperty, first.Metadata.Name, default);

        await recorder.RecordAsync(Involved(), EventTypes.Normal, "Issued", "x", default);

        var recreated = Assert.Single(_events.All());
        Assert.Equal(1, recreated.Count);
    }

    [Fact]
    public async Task ClusterScopedObjectEventsGoToDefaultNamespace()
    {
        await NewRecorder().RecordAsync(Involved(ns: null), EventTypes.Normal, "Ready", "ok", default);
        Assert.Equal("default", Assert.Single(_events.All()).Metadata.NamespaceProperty);
    }

    [Fact]
    public async Task ObjectsFromListsWithoutTypeMetaStillGetAFullReference()
    {
        var fromList = new V1Secret { Metadata = new V1ObjectMeta { NamespaceProperty = "ns", Name = "tls", Uid = "u" } };
        await NewRecorder().RecordAsync(fromList, EventTypes.Normal, "Updated", "x", default);
        var reference = Assert.Single(_events.All()).InvolvedObject;
        Assert.Equal(("v1", "Secret"), (reference.ApiVersion, reference.Kind));
    }

    [Fact]
    public async Task ApiFailureIsSwallowed()
    {
        _events.FailAllWrites = new HttpRequestException("API server down");
        await NewRecorder().RecordAsync(Involved(), EventTypes.Normal, "Issued", "x", default);
        Assert.Empty(_events.All());
    }

    [Fact]
    public async Task LongMessagesAreTruncated()
    {
        await NewRecorder().RecordAsync(Involved(), EventTypes.Warning, "Failed", new string('x', 5000), default);
        Assert.Equal(EventRecorder.MaxMessageLength, Assert.Single(_events.All()).Message.Length);
    }

    [Theory]
    [InlineData("short", "short.")]
    [InlineData("", "event.")]
    [InlineData(null, "event.")]
    public void EventNamesAreObjectNamePlusUniqueSuffix(string? involvedName, string expectedPrefix)
    {
        var a = EventRecorder.NewEventName(involvedName, DateTimeOffset.UnixEpoch.AddDays(1));
        Assert.StartsWith(expectedPrefix, a, StringComparison.Ordinal);
        Assert.True(a.Length <= 253);
    }

    [Fact]
    public void VeryLongObjectNamesStillYieldValidEventNames()
    {
        var name = EventRecorder.NewEventName(new string('a', 253), DateTimeOffset.UtcNow);
        Assert.Equal(253, name.Length);
    }
}
