using K8sCertOperator.Controllers.Orders;

namespace K8sCertOperator.Tests.Controllers.Orders;

/// <summary>--acme-order-rate values: COUNT/DURATION or off, and a clear error for anything else.</summary>
public sealed class AcmeOrderRateTests
{
    [Theory]
    [InlineData("300/3h", 300, 10800)]
    [InlineData(" 5 / 1m ", 5, 60)]
    [InlineData("1/90s", 1, 90)]
    [InlineData("20/1h30m", 20, 5400)]
    public void Parses_count_and_period(string text, int count, int seconds)
    {
        Assert.True(AcmeOrderRate.TryParse(text, out var rate, out var error), error);
        Assert.Equal(new AcmeOrderRate(count, TimeSpan.FromSeconds(seconds)), rate);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("off")]
    [InlineData("OFF")]
    [InlineData("none")]
    [InlineData("0")]
    public void Off_means_no_limit(string? text)
    {
        Assert.True(AcmeOrderRate.TryParse(text, out var rate, out var error));
        Assert.Null(rate);
        Assert.Null(error);
    }

    [Theory]
    [InlineData("300", "COUNT/DURATION")]
    [InlineData("/3h", "COUNT/DURATION")]
    [InlineData("300/", "COUNT/DURATION")]
    [InlineData("1/2/3h", "COUNT/DURATION")]
    [InlineData("-1/3h", "positive whole number")]
    [InlineData("0/3h", "positive whole number")]
    [InlineData("1.5/3h", "positive whole number")]
    [InlineData("x/3h", "positive whole number")]
    [InlineData("300/3 hours", "not a duration")]
    [InlineData("300/abc", "not a duration")]
    [InlineData("300/0s", "longer than zero")]
    public void Rejects_malformed_values_with_a_reason(string text, string expected)
    {
        Assert.False(AcmeOrderRate.TryParse(text, out var rate, out var error));
        Assert.Null(rate);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => AcmeOrderRate.Parse(text));
    }

    [Fact]
    public void Formats_back_and_knows_its_interval()
    {
        var rate = AcmeOrderRate.LetsEncrypt;

        Assert.Equal(TimeSpan.FromSeconds(36), rate.Interval);
        Assert.Equal(rate, AcmeOrderRate.Parse(rate.ToString()));
    }
}
