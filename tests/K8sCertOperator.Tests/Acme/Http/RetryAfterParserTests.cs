using K8sCertOperator.Acme.Http;

namespace K8sCertOperator.Tests.Acme.Http;

/// <summary>Retry-After as delta-seconds, HTTP-date, and garbage.</summary>
public class RetryAfterParserTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("0", 0)]
    [InlineData("120", 120)]
    [InlineData(" 5 ", 5)]
    [InlineData("Wed, 25 Nov 2026 12:01:30 GMT", 90)]
    [InlineData("Wed, 25 Nov 2026 11:00:00 GMT", 0)] // in the past: retry now, never negative
    [InlineData("2026-11-25T12:00:10Z", 10)]          // lenient: RFC 3339 dates some servers send
    [InlineData("Wednesday, 25-Nov-26 12:00:20 GMT", 20)] // obsolete RFC 850 form
    [InlineData("Wed Nov 25 12:00:30 2026", 30)]      // obsolete asctime form
    public void Parses_delta_seconds_and_http_dates(string header, double expectedSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), RetryAfterParser.Parse(header, Now));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("soon")]
    [InlineData("-5")]
    [InlineData("1.5")]
    public void Garbage_is_null(string? header)
    {
        Assert.Null(RetryAfterParser.Parse(header, Now));
    }

    [Fact]
    public void Huge_values_are_capped_instead_of_overflowing()
    {
        var parsed = RetryAfterParser.Parse("99999999999999999", Now);

        Assert.NotNull(parsed);
        Assert.True(parsed <= TimeSpan.FromDays(366));
    }
}
