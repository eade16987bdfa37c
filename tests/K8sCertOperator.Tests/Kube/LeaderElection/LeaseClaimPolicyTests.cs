using k8s.Models;
using K8sCertOperator.Kube.LeaderElection;

namespace K8sCertOperator.Tests.Kube.LeaderElection;

public class LeaseClaimPolicyTests
{
    private static readonly DateTime Now = new(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc);
    private static readonly DateTime Earlier = Now.AddMinutes(-30);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);

    /// <summary>A Lease last renewed <paramref name="renewedSecondsAgo"/> before <see cref="Now"/> (null: never renewed).</summary>
    private static V1LeaseSpec Held(string? holder, double? renewedSecondsAgo, int? durationSeconds = 15, int? transitions = 3) => new()
    {
        HolderIdentity = holder,
        AcquireTime = Earlier,
        RenewTime = renewedSecondsAgo is { } ago ? Now.AddSeconds(-ago) : null,
        LeaseDurationSeconds = durationSeconds,
        LeaseTransitions = transitions,
    };

    public static TheoryData<string, V1LeaseSpec?, LeaseClaimKind, int?> Cases => new()
    {
        // case, current spec (null: no Lease), decision, leaseTransitions written
        { "no lease: create it", null, LeaseClaimKind.Create, 0 },
        { "ours and fresh: renew", Held("me", 1), LeaseClaimKind.Renew, 3 },
        { "ours but lapsed: still renew, nobody took it", Held("me", 60), LeaseClaimKind.Renew, 3 },
        { "other, renewed 1s ago: held", Held("other", 1), LeaseClaimKind.HeldByOther, null },
        { "other, expires exactly now: still held", Held("other", 15), LeaseClaimKind.HeldByOther, null },
        { "other, expired 1ms ago: take over", Held("other", 15.001), LeaseClaimKind.TakeOver, 4 },
        { "other's own longer duration counts, not ours", Held("other", 30, durationSeconds: 60), LeaseClaimKind.HeldByOther, null },
        { "other's own shorter duration counts, not ours", Held("other", 5, durationSeconds: 2), LeaseClaimKind.TakeOver, 4 },
        { "other without a duration: ours is used", Held("other", 10, durationSeconds: null), LeaseClaimKind.HeldByOther, null },
        { "other never renewed: take over", Held("other", null), LeaseClaimKind.TakeOver, 4 },
        { "released (no holder): take over", Held("", 1), LeaseClaimKind.TakeOver, 4 },
        { "no holder field: take over", Held(null, 1), LeaseClaimKind.TakeOver, 4 },
        { "no transitions recorded: the first change is 1", Held("other", 60, transitions: null), LeaseClaimKind.TakeOver, 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decides_who_may_write_the_lease(string because, V1LeaseSpec? current, LeaseClaimKind expected, int? transitions)
    {
        var claim = LeaseClaimPolicy.Decide(current, "me", Now, Duration);

        Assert.True(expected == claim.Kind, because);
        if (expected == LeaseClaimKind.HeldByOther)
        {
            Assert.False(claim.MayWrite);
            Assert.Null(claim.Spec);
            Assert.Equal(current!.HolderIdentity, claim.Holder);
            Assert.Equal(LeaseClaimPolicy.ExpiresAt(current, Duration), claim.HeldUntil);
            return;
        }

        var spec = claim.Spec!;
        Assert.True(claim.MayWrite);
        Assert.Equal("me", spec.HolderIdentity);
        Assert.Equal(Now, spec.RenewTime);
        Assert.Equal(15, spec.LeaseDurationSeconds);
        Assert.Equal(transitions, spec.LeaseTransitions);
        // A renewal keeps the term's start; a new holder starts a new term.
        Assert.Equal(expected == LeaseClaimKind.Renew ? Earlier : Now, spec.AcquireTime);
    }

    [Fact]
    public void Times_are_written_as_MicroTime_in_UTC()
    {
        var now = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567);

        var spec = LeaseClaimPolicy.Decide(null, "me", now, Duration).Spec!;

        Assert.Equal(now.AddTicks(-7), spec.RenewTime);
        Assert.Equal(DateTimeKind.Utc, spec.RenewTime!.Value.Kind);
    }

    [Fact]
    public void A_renew_time_read_back_as_local_time_is_compared_in_UTC()
    {
        var renewed = Now.AddSeconds(-1).ToLocalTime();

        var claim = LeaseClaimPolicy.Decide(new V1LeaseSpec { HolderIdentity = "other", RenewTime = renewed, LeaseDurationSeconds = 15 }, "me", Now, Duration);

        Assert.Equal(LeaseClaimKind.HeldByOther, claim.Kind);
        Assert.Equal(Now.AddSeconds(14), claim.HeldUntil);
    }

    [Fact]
    public void Coordinated_election_fields_are_kept()
    {
        var current = Held("other", 60);
        current.Strategy = "OldestEmulationVersion";
        current.PreferredHolder = "someone";

        var spec = LeaseClaimPolicy.Decide(current, "me", Now, Duration).Spec!;

        Assert.Equal("OldestEmulationVersion", spec.Strategy);
        Assert.Equal("someone", spec.PreferredHolder);
    }

    [Theory]
    [InlineData(0.2, 1)]
    [InlineData(1, 1)]
    [InlineData(15, 15)]
    [InlineData(15.5, 16)]
    public void Lease_duration_is_whole_seconds_rounded_up(double seconds, int expected) =>
        Assert.Equal(expected, LeaseClaimPolicy.DurationSeconds(TimeSpan.FromSeconds(seconds)));

    [Theory]
    [InlineData(9.999, false)]
    [InlineData(10, true)]
    [InlineData(11, true)]
    public void A_leader_steps_down_once_the_renew_deadline_has_passed(double secondsSinceRenewal, bool stepDown)
    {
        var renewed = new DateTimeOffset(Now);

        Assert.Equal(stepDown, LeaseClaimPolicy.RenewDeadlinePassed(renewed, renewed.AddSeconds(secondsSinceRenewal), TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void Release_hands_back_only_our_own_lease()
    {
        var now = new DateTime(2026, 12, 5, 10, 0, 0, DateTimeKind.Utc);
        var ours = new V1LeaseSpec { HolderIdentity = "a", LeaseDurationSeconds = 3600, LeaseTransitions = 4, RenewTime = now.AddSeconds(-1) };

        var released = LeaseClaimPolicy.Release(ours, "a", now)!;
        Assert.Null(released.HolderIdentity);
        Assert.Equal((1, 4, now), (released.LeaseDurationSeconds, released.LeaseTransitions, released.RenewTime));
        Assert.Equal(LeaseClaimKind.TakeOver, LeaseClaimPolicy.Decide(released, "b", now, TimeSpan.FromHours(1)).Kind);

        Assert.Null(LeaseClaimPolicy.Release(ours, "b", now));
        Assert.Null(LeaseClaimPolicy.Release(null, "a", now));
    }
}
