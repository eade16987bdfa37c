using K8sCertOperator.Kube.LeaderElection;
using K8sCertOperator.Tests.Kube.Fakes;
using Microsoft.Extensions.Logging.Abstractions;

namespace K8sCertOperator.Tests.Kube.LeaderElection;

public class LeaderElectionTests
{
    private readonly InMemoryLeaseStore _store = new();

    private LeaseLeaderElection Election(string identity, TimeSpan? leaseDuration = null)
    {
        var options = new LeaderElectionOptions
        {
            Identity = identity,
            LeaseDuration = leaseDuration ?? TimeSpan.FromSeconds(1),
            RenewDeadline = TimeSpan.FromMilliseconds(700),
            RetryPeriod = TimeSpan.FromMilliseconds(100),
        };
        return new LeaseLeaderElection(_store, options, NullLogger.Instance);
    }

    /// <summary>Work that records each leadership term and waits for its token.</summary>
    private sealed class Terms
    {
        private int _started;
        private int _stopped;

        public int Started => Volatile.Read(ref _started);

        public int Stopped => Volatile.Read(ref _stopped);

        public async Task RunAsync(CancellationToken token)
        {
            Interlocked.Increment(ref _started);
            try
            {
                await Task.Delay(Timeout.Infinite, token);
            }
            finally
            {
                Interlocked.Increment(ref _stopped);
            }
        }
    }

    [Fact]
    public async Task ALeaderThatStopsCleanlyReleasesTheLeaseSoAStandbyNeedNotWaitForExpiry()
    {
        var hour = TimeSpan.FromHours(1);
        var a = Election("a", hour);
        var b = Election("b", hour);
        var termsA = new Terms();
        var termsB = new Terms();
        using var ctsA = new CancellationTokenSource();
        using var ctsB = new CancellationTokenSource();
        var runA = a.RunAsync(termsA.RunAsync, ctsA.Token);
        await Eventually.TrueAsync(() => a.IsLeader, "a leads");
        var runB = b.RunAsync(termsB.RunAsync, ctsB.Token);

        await ctsA.CancelAsync();
        await runA;
        Assert.Equal(1, termsA.Stopped);

        // a's lease would hold for an hour; released, b takes it on its next try.
        await Eventually.TrueAsync(() => b.IsLeader && termsB.Started == 1, "b leads after a released the lease");
        Assert.Equal("b", _store.Holder);
        await ctsB.CancelAsync();
        await runB;
        Assert.Null(_store.Holder);
    }

    [Fact]
    public async Task OnlyOneCandidateLeadsAndTheOtherTakesOverWhenItStops()
    {
        var a = Election("a");
        var b = Election("b");
        var termsA = new Terms();
        var termsB = new Terms();
        using var ctsA = new CancellationTokenSource();
        using var ctsB = new CancellationTokenSource();
        var runA = a.RunAsync(termsA.RunAsync, ctsA.Token);
        await Eventually.TrueAsync(() => a.IsLeader && termsA.Started == 1, "a leads");
        var runB = b.RunAsync(termsB.RunAsync, ctsB.Token);

        await Task.Delay(300); // give b a chance to (wrongly) win while a renews
        Assert.False(b.IsLeader);
        Assert.Equal(0, termsB.Started);
        Assert.Equal("a", _store.Holder);

        await ctsA.CancelAsync();
        await runA.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(1, termsA.Stopped);
        Assert.False(a.IsLeader);

        await Eventually.TrueAsync(() => b.IsLeader && termsB.Started == 1, "b takes over after the lease expires");
        var spec = _store.Spec!;
        Assert.Equal("b", spec.HolderIdentity);
        Assert.Equal(1, spec.LeaseTransitions);
        Assert.Equal(1, spec.LeaseDurationSeconds);
        Assert.True(spec.AcquireTime <= spec.RenewTime);

        await ctsB.CancelAsync();
        await runB.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task LosingTheLeaseCancelsTheWorkAndRaisesStoppedLeading()
    {
        var election = Election("me");
        var terms = new Terms();
        var stoppedEvents = 0;
        election.StoppedLeading += () => Interlocked.Increment(ref stoppedEvents);
        using var cts = new CancellationTokenSource();
        var run = election.RunAsync(terms.RunAsync, cts.Token);
        await Eventually.TrueAsync(() => terms.Started == 1, "leading");

        // Another replica takes the lease and keeps renewing it until we have stepped down.
        using var thiefStop = new CancellationTokenSource();
        var thief = Task.Run(async () =>
        {
            while (!thiefStop.IsCancellationRequested)
            {
                _store.Steal("thief");
                await Task.Delay(50);
            }
        });

        await Eventually.TrueAsync(() => terms.Stopped == 1, "work cancelled after losing the lease");
        Assert.True(Volatile.Read(ref stoppedEvents) >= 1);
        Assert.False(election.IsLeader);
        await thiefStop.CancelAsync();
        await thief;

        // The thief stopped renewing, so the candidate wins a new term once the lease expires.
        await Eventually.TrueAsync(() => terms.Started == 2 && election.IsLeader, "re-elected");
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ALeaderThatCannotRenewWithinTheDeadlineStepsDownThenLeadsAgainWhenTheApiIsBack(bool callsHang)
    {
        var election = Election("me");
        var terms = new Terms();
        using var cts = new CancellationTokenSource();
        var run = election.RunAsync(terms.RunAsync, cts.Token);
        await Eventually.TrueAsync(() => terms.Started == 1, "leading");

        // Nobody else takes the lease: only the failed (or never answered) renewals end the term.
        SetApiDown(callsHang, down: true);
        await Eventually.TrueAsync(() => terms.Stopped == 1 && !election.IsLeader, "stepped down after the renew deadline");
        Assert.Equal("me", _store.Holder);

        SetApiDown(callsHang, down: false);
        await Eventually.TrueAsync(() => terms.Started == 2 && election.IsLeader, "leads again");
        Assert.Equal(0, _store.Spec!.LeaseTransitions); // the holder never changed
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(20));
    }

    private void SetApiDown(bool callsHang, bool down)
    {
        if (callsHang)
        {
            _store.Hang = down;
        }
        else
        {
            _store.Failure = down ? new HttpRequestException("API server unreachable") : null;
        }
    }

    [Fact]
    public async Task CandidatesRacingForAnAbsentLeaseElectExactlyOne()
    {
        var elections = Enumerable.Range(0, 5).Select(i => Election($"c{i}")).ToList();
        var terms = elections.Select(_ => new Terms()).ToList();
        using var cts = new CancellationTokenSource();
        var runs = elections.Select((e, i) => e.RunAsync(terms[i].RunAsync, cts.Token)).ToList();

        await Eventually.TrueAsync(() => elections.Any(e => e.IsLeader), "someone leads");
        await Task.Delay(300); // renewals by the winner; every loser keeps finding it held
        Assert.Single(elections, e => e.IsLeader);
        Assert.Equal(1, terms.Sum(t => t.Started));
        var leader = elections.Single(e => e.IsLeader);
        Assert.Equal($"c{elections.IndexOf(leader)}", _store.Holder);

        await cts.CancelAsync();
        await Task.WhenAll(runs).WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task ApiFailuresWhileCampaigningAreRetried()
    {
        _store.Failure = new HttpRequestException("API server unreachable");
        var election = Election("me");
        var terms = new Terms();
        using var cts = new CancellationTokenSource();
        var run = election.RunAsync(terms.RunAsync, cts.Token);

        await Task.Delay(300);
        Assert.False(run.IsCompleted);
        Assert.Equal(0, terms.Started);

        _store.Failure = null;
        await Eventually.TrueAsync(() => terms.Started == 1, "leads once the API is back");
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task DisabledElectionAlwaysLeadsUntilCancelled()
    {
        var election = LeaseLeaderElection.Create(null!, new LeaderElectionOptions { Enabled = false }, NullLogger.Instance);
        Assert.IsType<AlwaysLeader>(election);
        var terms = new Terms();
        var started = 0;
        election.StartedLeading += () => Interlocked.Increment(ref started);
        using var cts = new CancellationTokenSource();

        var run = election.RunAsync(terms.RunAsync, cts.Token);
        await Eventually.TrueAsync(() => election.IsLeader && terms.Started == 1, "leads at once");
        await cts.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.False(election.IsLeader);
        Assert.Equal(1, terms.Stopped);
        Assert.Equal(1, started);
    }

    [Fact]
    public void DefaultsFollowClientGo()
    {
        var o = new LeaderElectionOptions();
        Assert.True(o.Enabled);
        Assert.Equal(TimeSpan.FromSeconds(15), o.LeaseDuration);
        Assert.Equal(TimeSpan.FromSeconds(10), o.RenewDeadline);
        Assert.Equal(TimeSpan.FromSeconds(2), o.RetryPeriod);
        Assert.NotEqual(new LeaderElectionOptions().Identity, o.Identity); // unique per replica
    }
}
