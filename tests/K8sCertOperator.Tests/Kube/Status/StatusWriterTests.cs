using K8sCertOperator.Kube.Client;
using K8sCertOperator.Kube.Status;
using K8sCertOperator.Tests.Kube.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sCertOperator.Tests.Kube.Status;

public class StatusWriterTests
{
    private readonly FakeResourceApi<TestWidget> _api = new();
    private readonly StatusWriter _writer = new(NullLogger.Instance);

    [Fact]
    public async Task WritesChangedStatus()
    {
        var w = await _api.CreateAsync(TestWidget.Create("ns", "w"), default);

        var result = await _writer.UpdateStatusAsync(_api, w, x => x.Status = new WidgetStatus { Phase = "Ready" }, default);

        Assert.Equal(StatusWriteOutcome.Written, result.Outcome);
        Assert.Equal("Ready", _api.Peek("ns", "w")!.Status!.Phase);
        Assert.Equal(_api.Peek("ns", "w")!.Metadata.ResourceVersion, result.Object!.Metadata.ResourceVersion);
        Assert.Null(w.Status); // the caller's (cached) object is never mutated
    }

    [Fact]
    public async Task UnchangedStatusSendsNoRequest()
    {
        var w = await _api.CreateAsync(TestWidget.Create("ns", "w"), default);
        w = (await _writer.UpdateStatusAsync(_api, w, x => x.Status = new WidgetStatus { Phase = "Ready" }, default)).Object!;
        var callsBefore = _api.ReplaceStatusCalls;

        var result = await _writer.UpdateStatusAsync(_api, w, x => x.Status!.Phase = "Ready", default);

        Assert.Equal(StatusWriteOutcome.Unchanged, result.Outcome);
        Assert.Equal(callsBefore, _api.ReplaceStatusCalls);
    }

    [Fact]
    public async Task ConflictRereadsAndReappliesTheMutation()
    {
        var stale = await _api.CreateAsync(TestWidget.Create("ns", "w", size: "s"), default);
        var other = _api.Peek("ns", "w")!;
        other.Spec.Size = "xl";
        await _api.ReplaceAsync(other, default); // someone else wrote in between

        var result = await _writer.UpdateStatusAsync(_api, stale, x => x.Status = new WidgetStatus { Phase = "Ready", ObservedGeneration = x.Metadata.Generation }, default);

        Assert.Equal(StatusWriteOutcome.Written, result.Outcome);
        Assert.Equal(2, result.Attempts);
        var stored = _api.Peek("ns", "w")!;
        Assert.Equal("xl", stored.Spec.Size);
        Assert.Equal(2, stored.Status!.ObservedGeneration); // computed from the fresh object, not the stale one
    }

    [Fact]
    public async Task ConflictAfterWhichStatusAlreadyMatchesIsUnchanged()
    {
        var stale = await _api.CreateAsync(TestWidget.Create("ns", "w"), default);
        var other = _api.Peek("ns", "w")!;
        other.Status = new WidgetStatus { Phase = "Ready" };
        await _api.ReplaceStatusAsync(other, default);

        var result = await _writer.UpdateStatusAsync(_api, stale, x => x.Status = new WidgetStatus { Phase = "Ready" }, default);

        Assert.Equal(StatusWriteOutcome.Unchanged, result.Outcome);
    }

    [Fact]
    public async Task PersistentConflictGivesUpAfterBoundedAttempts()
    {
        var w = await _api.CreateAsync(TestWidget.Create("ns", "w"), default);
        _api.AlwaysConflictOnStatus = true;
        var writer = new StatusWriter(NullLogger.Instance, maxAttempts: 3);

        var e = await Assert.ThrowsAsync<KubeApiException>(() => writer.UpdateStatusAsync(_api, w, x => x.Status = new WidgetStatus { Phase = "Ready" }, default));

        Assert.Equal(KubeApiErrorKind.Conflict, e.Kind);
        Assert.Equal(3, _api.ReplaceStatusCalls);
    }

    [Fact]
    public async Task DeletedObjectReportsNotFound()
    {
        var w = await _api.CreateAsync(TestWidget.Create("ns", "w"), default);
        await _api.DeleteAsync("ns", "w", default);

        var result = await _writer.UpdateStatusAsync(_api, w, x => x.Status = new WidgetStatus { Phase = "Ready" }, default);

        Assert.Equal(StatusWriteOutcome.NotFound, result.Outcome);
        Assert.Null(result.Object);
    }
}
