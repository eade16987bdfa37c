using K8sCertOperator.Api;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Policies;

/// <summary>Back-off table: 1m, 10m, 100m, then daily after consecutive failures.</summary>
public sealed class IssuanceBackoffTests
{
    private static readonly DateTimeOffset Failed = new(2026, 1, 15, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 10)]
    [InlineData(3, 100)]
    [InlineData(4, 1440)]
    [InlineData(5, 1440)]
    [InlineData(1000, 1440)]
    [InlineData(int.MaxValue, 1440)]
    public void Delay_per_attempt(int attempts, int minutes)
    {
        Assert.Equal(TimeSpan.FromMinutes(minutes), IssuanceBackoff.Delay(attempts));
    }

    [Theory]
    // attempts, seconds since failure, expect wait, expected retryAt offset from failure (seconds)
    [InlineData(null, 0, false, 0)]
    [InlineData(0, 0, false, 0)]
    [InlineData(1, 0, true, 60)]
    [InlineData(1, 59, true, 60)]
    [InlineData(1, 60, false, 0)]
    [InlineData(2, 300, true, 600)]
    [InlineData(2, 600, false, 0)]
    [InlineData(3, 5999, true, 6000)]
    [InlineData(3, 6000, false, 0)]
    [InlineData(4, 3600, true, 86400)]
    [InlineData(9, 86399, true, 86400)]
    [InlineData(9, 86400, false, 0)]
    [InlineData(1, -30, true, 60)]
    public void ShouldWait_table(int? attempts, int secondsSinceFailure, bool expectWait, int retryOffsetSeconds)
    {
        var status = new CertificateStatus { FailedIssuanceAttempts = attempts, LastFailureTime = Failed.UtcDateTime };
        var now = Failed.AddSeconds(secondsSinceFailure);

        var wait = IssuanceBackoff.ShouldWait(status, now, out var retryAt);

        Assert.Equal(expectWait, wait);
        Assert.Equal(expectWait ? Failed.AddSeconds(retryOffsetSeconds) : now, retryAt);
    }

    [Fact]
    public void No_status_or_no_failure_time_means_no_wait()
    {
        Assert.False(IssuanceBackoff.ShouldWait(null, Failed, out _));
        Assert.False(IssuanceBackoff.ShouldWait(new CertificateStatus { FailedIssuanceAttempts = 2 }, Failed, out _));
    }

    [Fact]
    public void Unspecified_kind_failure_time_is_treated_as_utc()
    {
        var status = new CertificateStatus { FailedIssuanceAttempts = 1, LastFailureTime = new DateTime(2026, 1, 15, 12, 0, 0, DateTimeKind.Unspecified) };

        Assert.True(IssuanceBackoff.ShouldWait(status, Failed.AddSeconds(30), out var retryAt));
        Assert.Equal(Failed.AddMinutes(1), retryAt);
    }
}
