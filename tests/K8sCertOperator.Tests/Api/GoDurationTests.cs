using System.Text.RegularExpressions;
using FsCheck.Xunit;
using K8sCertOperator.Api;

namespace K8sCertOperator.Tests.Api;

/// <summary>GoDuration follows Go's time.ParseDuration; the CRD pattern accepts exactly the non-negative forms.</summary>
public class GoDurationTests
{
    public static TheoryData<string, long> Valid() => new()
    {
        { "0", 0 },
        { "0s", 0 },
        { "2160h", TimeSpan.FromHours(2160).Ticks },
        { "90m", TimeSpan.FromMinutes(90).Ticks },
        { "90s", TimeSpan.FromSeconds(90).Ticks },
        { "500ms", TimeSpan.FromMilliseconds(500).Ticks },
        { "1h30m", TimeSpan.FromMinutes(90).Ticks },
        { "1h30m15s", new TimeSpan(1, 30, 15).Ticks },
        { "1.5h", TimeSpan.FromMinutes(90).Ticks },
        { "2h45m0.5s", new TimeSpan(0, 2, 45, 0, 500).Ticks },
        { "300us", 3000 },
        { "300µs", 3000 },
        { "300μs", 3000 },
        { "1500ns", 15 },
        { "99ns", 0 },
        { "1m1m", TimeSpan.FromMinutes(2).Ticks },
        { "0.000001s", 10 },
        { "2562047h", TimeSpan.FromHours(2562047).Ticks },
    };

    public static TheoryData<string, string> Invalid() => new()
    {
        { "", "empty" },
        { "90", "missing unit" },
        { "1h30", "missing unit" },
        { "90d", "unknown unit \"d\"" },
        { "1y", "unknown unit" },
        { "h", "expected a number" },
        { ".h", "expected a number" },
        { "1.h2", "missing unit" },
        { " 1h", "expected a number" },
        { "1 h", "unknown unit" },
        { "3000000h", "out of range" },
        { "9223372036854775808ns", "out of range" },
        { "2562047h47m16.854775808s", "out of range" },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public void ParsesValidDurations(string text, long expectedTicks)
    {
        Assert.True(GoDuration.TryParse(text, out var value, out var error), error);
        Assert.Equal(expectedTicks, value.Ticks);
        Assert.Equal(expectedTicks, GoDuration.Parse(text).Ticks);
    }

    [Theory]
    [MemberData(nameof(Invalid))]
    public void RejectsInvalidDurationsNamingTheProblem(string text, string expectedProblem)
    {
        Assert.False(GoDuration.TryParse(text, out _, out var error));
        Assert.Contains(expectedProblem, error, StringComparison.Ordinal);
        var exception = Assert.Throws<FormatException>(() => GoDuration.Parse(text));
        Assert.Equal(error, exception.Message);
    }

    [Theory]
    [InlineData("-1h", -36_000_000_000L)]
    [InlineData("+1h", 36_000_000_000L)]
    [InlineData("-0", 0L)]
    public void AcceptsASignLikeGo(string text, long expectedTicks)
    {
        Assert.Equal(expectedTicks, GoDuration.Parse(text).Ticks);
    }

    [Theory]
    [MemberData(nameof(Valid))]
    public void CrdPatternAcceptsEveryValidNonNegativeDuration(string text, long ticks)
    {
        _ = ticks;
        Assert.Matches(new Regex(GoDuration.Pattern), text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("90")]
    [InlineData("90d")]
    [InlineData("1.h2")]
    [InlineData("-1h")]
    [InlineData(".5h")]
    [InlineData("1h ")]
    public void CrdPatternRejectsWhatTheOperatorShouldNotSee(string text)
    {
        Assert.DoesNotMatch(new Regex(GoDuration.Pattern), text);
    }

    [Theory]
    [InlineData(0L, "0s")]
    [InlineData(2160L * 36_000_000_000L, "2160h0m0s")]
    [InlineData(90L * 600_000_000L, "1h30m0s")]
    [InlineData(90L * 10_000_000L, "1m30s")]
    [InlineData(15_000_000L, "1.5s")]
    [InlineData(5_000_000L, "500ms")]
    [InlineData(15L, "1.5µs")]
    [InlineData(-15_000_000L, "-1.5s")]
    public void FormatsLikeGo(long ticks, string expected)
    {
        Assert.Equal(expected, GoDuration.Format(TimeSpan.FromTicks(ticks)));
    }

    [Property]
    public bool FormatThenParseRoundTrips(long ticks)
    {
        // Go's range is ±(2^63-1) ns, i.e. 1/100 of TimeSpan's tick range.
        var value = TimeSpan.FromTicks(ticks % (long.MaxValue / 100));
        return GoDuration.Parse(GoDuration.Format(value)) == value;
    }
}
