using System.Globalization;
using K8sCertOperator.Policies;

namespace K8sCertOperator.Tests.Policies;

/// <summary>The 5-field cron parser: next match by table, and the expressions it refuses.</summary>
public sealed class CronScheduleTests
{
    [Theory]
    // 2026-01-01 is a Thursday.
    [InlineData("0 3 * * *", "2026-01-01T00:00", "2026-01-01T03:00")]
    [InlineData("*/15 * * * *", "2026-01-01T00:01", "2026-01-01T00:15")]
    [InlineData("0 3 * * *", "2026-01-01T03:00", "2026-01-01T03:00")]
    [InlineData("0 3 * * *", "2026-01-01T03:00:01", "2026-01-02T03:00")]
    [InlineData("30 2 * * 6", "2026-01-01T00:00", "2026-01-03T02:30")]
    [InlineData("0 0 * * 7", "2026-01-01T00:00", "2026-01-04T00:00")]
    [InlineData("0 0 * * 0", "2026-01-01T00:00", "2026-01-04T00:00")]
    [InlineData("0 0 1-3 * *", "2026-01-02T00:01", "2026-01-03T00:00")]
    [InlineData("0 0 15 * 1", "2026-01-01T00:00", "2026-01-05T00:00")] // day-of-month OR day-of-week
    [InlineData("0 0 15 * *", "2026-01-01T00:00", "2026-01-15T00:00")]
    [InlineData("0 0 1 2 *", "2026-01-01T00:00", "2026-02-01T00:00")]
    [InlineData("0 9-17/4 * * *", "2026-01-01T10:00", "2026-01-01T13:00")]
    [InlineData("5,10 * * * *", "2026-01-01T00:06", "2026-01-01T00:10")]
    [InlineData("0 0 29 2 *", "2026-01-01T00:00", "2028-02-29T00:00")]
    [InlineData("10/20 * * * *", "2026-01-01T00:31", "2026-01-01T00:50")]
    public void Next_finds_the_first_match_at_or_after(string expression, string from, string expected)
    {
        Assert.True(CronSchedule.TryParse(expression, out var cron, out var error), error);

        var next = cron!.Next(Parse(from), TimeSpan.FromDays(3 * 366));

        Assert.Equal(Parse(expected), next);
    }

    [Fact]
    public void Next_returns_null_past_the_horizon()
    {
        Assert.True(CronSchedule.TryParse("0 0 1 6 *", out var cron, out _));

        Assert.Null(cron!.Next(Parse("2026-01-01T00:00"), TimeSpan.FromDays(30)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("* * * *")]
    [InlineData("* * * * * *")]
    [InlineData("60 * * * *")]
    [InlineData("* 24 * * *")]
    [InlineData("* * 0 * *")]
    [InlineData("* * 32 * *")]
    [InlineData("* * * 13 *")]
    [InlineData("* * * * 8")]
    [InlineData("*/0 * * * *")]
    [InlineData("5-1 * * * *")]
    [InlineData("a * * * *")]
    [InlineData("-1 * * * *")]
    [InlineData("1/2/3 * * * *")]
    [InlineData("1,,2 * * * *")]
    [InlineData("@daily")]
    public void TryParse_refuses_invalid_expressions(string? expression)
    {
        Assert.False(CronSchedule.TryParse(expression, out var cron, out var error));
        Assert.Null(cron);
        Assert.False(string.IsNullOrEmpty(error));
    }

    private static DateTime Parse(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture);
}
