using System.Globalization;
using K8sCertOperator.Api;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Policies;

/// <summary>spec.renewal: policy, windows moving the renewal time, the expiry guard, timezones and validation.</summary>
public sealed class RenewalWindowPolicyTests
{
    // 90-day certificate renewed 30 days before expiry; 2026-03-02 is a Monday. Latest = 2026-03-17.
    private static readonly DateTimeOffset NotAfter = At("2026-04-01T00:00:00Z");
    private static readonly DateTimeOffset Computed = At("2026-03-02T00:00:00Z");

    [Theory]
    [InlineData(null, null, null, "2026-03-02T00:00:00Z")] // no windows: renewBefore time
    [InlineData("0 2 * * 6", null, "4h", "2026-03-07T02:00:00Z")] // next Saturday 02:00 UTC
    [InlineData("0 22 * * 0", null, "4h", "2026-03-02T00:00:00Z")] // Sunday 22:00 window still open
    [InlineData("0 22 * * 0", null, "1h", "2026-03-08T22:00:00Z")] // Sunday window closed: the next one
    [InlineData("0 0 16 3 *", null, "1h", "2026-03-16T00:00:00Z")] // before the guard
    [InlineData("0 0 18 3 *", null, "1h", "2026-03-02T00:00:00Z")] // past the guard: computed kept
    [InlineData("0 0 1 6 *", null, "1h", "2026-03-02T00:00:00Z")] // past expiry: computed kept
    [InlineData("0 2 * * 6", "UTC", "4h", "2026-03-07T02:00:00Z")]
    [InlineData("0 2 * * 6", "Europe/Berlin", "4h", "2026-03-07T01:00:00Z")] // CET, UTC+1
    [InlineData("0 2 * * 6", "America/New_York", "4h", "2026-03-07T07:00:00Z")] // EST, UTC-5
    [InlineData("0 2 * * 6", "Asia/Kolkata", "4h", "2026-03-06T20:30:00Z")] // IST, UTC+5:30
    [InlineData("0 2 * * 6", "Mars/Olympus", "4h", "2026-03-02T00:00:00Z")] // invalid window skipped
    [InlineData("bad", null, "4h", "2026-03-02T00:00:00Z")]
    [InlineData("0 2 * * 6", null, "0s", "2026-03-02T00:00:00Z")]
    public void Apply_moves_renewal_into_the_first_window(string? cron, string? timezone, string? duration, string expected)
    {
        var renewal = cron is null ? null : new CertificateRenewal { Windows = [Window(cron, timezone, duration)] };

        Assert.Equal(At(expected), RenewalWindowPolicy.Apply(Computed, NotAfter, renewal));
    }

    [Fact]
    public void Apply_takes_the_earliest_of_several_windows()
    {
        var renewal = new CertificateRenewal { Windows = [Window("0 2 * * 6", null, "1h"), Window("0 12 * * 3", null, "1h")] };

        Assert.Equal(At("2026-03-04T12:00:00Z"), RenewalWindowPolicy.Apply(Computed, NotAfter, renewal));
    }

    [Fact]
    public void Latest_is_halfway_to_expiry()
    {
        Assert.Equal(At("2026-03-17T00:00:00Z"), RenewalWindowPolicy.Latest(Computed, NotAfter));
        Assert.Equal(NotAfter, RenewalWindowPolicy.Latest(NotAfter, NotAfter - TimeSpan.FromDays(1)));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("RenewBefore", false)]
    [InlineData("Disabled", true)]
    public void IsDisabled_reads_the_policy(string? policy, bool disabled) =>
        Assert.Equal(disabled, RenewalWindowPolicy.IsDisabled(policy is null ? null : new CertificateRenewal { Policy = policy }));

    [Theory]
    [InlineData(null, "0 2 * * 6", null, "1h", 0)]
    [InlineData("Disabled", "0 2 * * 6", "Europe/Berlin", "90m", 0)]
    [InlineData("Sometimes", "0 2 * * 6", null, "1h", 1)]
    [InlineData(null, "0 2 * *", null, "1h", 1)]
    [InlineData(null, "0 2 * * 6", "Mars/Olympus", "1h", 1)]
    [InlineData(null, "0 2 * * 6", null, "soon", 1)]
    [InlineData(null, "0 2 * * 6", null, null, 1)]
    [InlineData("Sometimes", "x", null, "1h", 2)]
    public void Validate_reports_bad_policy_cron_timezone_and_duration(string? policy, string cron, string? timezone, string? duration, int errors)
    {
        var renewal = new CertificateRenewal { Policy = policy, Windows = [Window(cron, timezone, duration)] };

        Assert.Equal(errors, RenewalWindowPolicy.Validate(renewal).Count);
    }

    private static CertificateRenewalWindow Window(string cron, string? timezone, string? duration) =>
        new() { Cron = cron, Timezone = timezone, WindowDuration = duration ?? string.Empty };

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
}
