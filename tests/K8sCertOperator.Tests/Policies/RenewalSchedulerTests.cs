using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Policies;

/// <summary>Requeue times: the earlier of the renewal time and a uid-fixed point in the ARI window, floored and capped.</summary>
public sealed class RenewalSchedulerTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    // renewal (hours from now, null = none), notAfter (hours), expected delay (seconds)
    [InlineData(2.0, 100.0, 7200)]
    [InlineData(0.5, 100.0, 1800)]
    [InlineData(0.0, 100.0, 5)]
    [InlineData(-10.0, 100.0, 5)]
    [InlineData(48.0, 100.0, 86400)]
    [InlineData(5000.0, 8000.0, 86400)]
    [InlineData(null, 3.0, 10800)]
    [InlineData(null, null, 86400)]
    [InlineData(200.0, 1.0, 3600)]
    public void Without_ari(double? renewalHours, double? notAfterHours, int expectedSeconds)
    {
        var schedule = RenewalScheduler.Schedule(At(renewalHours), At(notAfterHours), Now, "uid-1");

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), schedule.RequeueAfter);
    }

    [Theory]
    [InlineData("3f1c1d2e-0000-4000-8000-000000000001")]
    [InlineData("3f1c1d2e-0000-4000-8000-000000000002")]
    [InlineData("a")]
    [InlineData("")]
    public void Ari_point_is_inside_the_window_and_deterministic(string uid)
    {
        var window = new AriWindow(Now.AddHours(10), Now.AddHours(20));

        var first = RenewalScheduler.Schedule(Now.AddHours(30), Now.AddDays(30), Now, uid, window);
        var second = RenewalScheduler.Schedule(Now.AddHours(30), Now.AddDays(30), Now, uid, window);

        Assert.Equal(first, second);
        Assert.InRange(first.Target!.Value, window.Start, window.End);
        Assert.Equal(first.Target, first.AriPoint);
        Assert.Equal(first.Target.Value - Now, first.RequeueAfter);
    }

    [Fact]
    public void Different_uids_spread_over_the_window()
    {
        var window = new AriWindow(Now, Now.AddHours(24));
        var points = Enumerable.Range(0, 50)
            .Select(i => RenewalScheduler.PointInWindow(window, $"uid-{i}"))
            .ToList();

        Assert.True(points.Distinct().Count() > 40);
        Assert.Contains(points, p => p < Now.AddHours(12));
        Assert.Contains(points, p => p >= Now.AddHours(12));
    }

    [Theory]
    // window start/end hours; expected: target falls back to renewal time (true) or uses window (false)
    [InlineData(10.0, 10.0, true)]
    [InlineData(10.0, 5.0, true)]
    [InlineData(10.0, 11.0, false)]
    public void Empty_or_inverted_window_is_ignored(double startHours, double endHours, bool usesRenewalTime)
    {
        var renewal = Now.AddHours(30);
        var schedule = RenewalScheduler.Schedule(renewal, Now.AddDays(30), Now, "uid", new AriWindow(Now.AddHours(startHours), Now.AddHours(endHours)));

        Assert.Equal(usesRenewalTime, schedule.Target == renewal);
    }

    [Theory]
    // renewal time, ARI window start/end (hours from now); expected target (hours): the earlier of the renewal time and
    // the ARI point (the window here is one instant wide, so the point is its start)
    [InlineData(2.0, 10.0, 10.0001, 2.0)]      // renewBefore makes renewal due before the CA's window: the renewal time is kept
    [InlineData(10.0, 2.0, 2.0001, 2.0)]       // the CA asks for an earlier renewal: its point comes first
    [InlineData(null, 2.0, 2.0001, 2.0)]
    public void The_earlier_of_renewal_time_and_ari_point_is_the_target(double? renewalHours, double startHours, double endHours, double expectedHours)
    {
        var window = new AriWindow(Now.AddHours(startHours), Now.AddHours(endHours));

        var schedule = RenewalScheduler.Schedule(At(renewalHours), Now.AddDays(30), Now, "uid", window);

        Assert.Equal(expectedHours, (schedule.Target!.Value - Now).TotalHours, precision: 2);
        Assert.Equal(schedule.Target.Value - Now, schedule.RequeueAfter);
        Assert.InRange(schedule.AriPoint!.Value, window.Start, window.End);
    }

    [Fact]
    public void Window_in_the_past_requeues_after_the_minimum_delay()
    {
        var schedule = RenewalScheduler.Schedule(Now.AddDays(1), Now.AddDays(30), Now, "uid", new AriWindow(Now.AddDays(-2), Now.AddDays(-1)));

        Assert.Equal(RenewalScheduler.MinimumDelay, schedule.RequeueAfter);
    }

    [Fact]
    public void Window_past_expiry_is_clamped_to_expiry()
    {
        var notAfter = Now.AddHours(5);
        var schedule = RenewalScheduler.Schedule(null, notAfter, Now, "uid", new AriWindow(Now.AddHours(6), Now.AddHours(9)));

        Assert.Equal(notAfter, schedule.Target);
        Assert.Equal(notAfter, schedule.AriPoint);
    }

    [Fact]
    public void Status_overload_reads_renewal_time_and_not_after()
    {
        var status = new K8sCertOperator.Api.CertificateStatus { RenewalTime = Now.AddHours(3).UtcDateTime, NotAfter = Now.AddHours(9).UtcDateTime };

        Assert.Equal(new RenewalSchedule(Now.AddHours(3), TimeSpan.FromHours(3)), RenewalScheduler.Schedule(status, Now, "uid"));
        Assert.Equal(new RenewalSchedule(null, RenewalScheduler.MaximumDelay), RenewalScheduler.Schedule(null, Now, "uid"));
    }

    private static DateTimeOffset? At(double? hours) => hours is { } h ? Now.AddHours(h) : null;
}
