using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

public class RenewalTimeCalculatorTests
{
    private static readonly DateTimeOffset NotBefore = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    // lifetimeHours, renewBeforeHours (null = unset), percentage (null = unset), expected hours after notBefore.
    [Theory]
    [InlineData(2160, null, null, 1440)]   // 90 days: default renews 2/3 through (day 60)
    [InlineData(2160, 720, null, 1440)]    // renewBefore 30d on 90d -> day 60
    [InlineData(2160, 360, null, 1800)]    // renewBefore 15d -> day 75
    [InlineData(2160, 2160, null, 1440)]   // renewBefore == lifetime -> default
    [InlineData(2160, 3000, null, 1440)]   // renewBefore > lifetime -> default
    [InlineData(2160, 0, null, 1440)]      // zero renewBefore is ignored
    [InlineData(2160, null, 25, 1620)]     // 25% of lifetime before expiry -> 75% through
    [InlineData(2160, null, 50, 1080)]
    [InlineData(2160, null, 1, 2138.4)]
    [InlineData(2160, null, 99, 21.6)]
    [InlineData(2160, null, 0, 1440)]      // out of (0,100) -> default
    [InlineData(2160, null, 100, 1440)]
    [InlineData(2160, null, -5, 1440)]
    [InlineData(2160, 720, 10, 1440)]      // renewBefore wins over percentage when valid
    [InlineData(2160, 3000, 10, 1944)]     // invalid renewBefore falls through to percentage
    [InlineData(1, null, null, 0.6666666667)] // 1h: truncated to whole seconds (2400 s)
    public void Calculate(double lifetimeHours, int? renewBeforeHours, int? percentage, double expectedHours)
    {
        var notAfter = NotBefore.AddHours(lifetimeHours);
        var renewBefore = renewBeforeHours is { } h ? TimeSpan.FromHours(h) : (TimeSpan?)null;
        var actual = RenewalTimeCalculator.Calculate(NotBefore, notAfter, renewBefore, percentage);
        var expected = NotBefore.AddSeconds(Math.Floor(expectedHours * 3600 + 1e-6));
        Assert.Equal(expected, actual);
        Assert.Equal(TimeSpan.Zero, actual.Offset);
    }

    [Fact]
    public void TruncatesToWholeSeconds()
    {
        var notAfter = NotBefore.AddSeconds(10); // default: renew 10/3 s before expiry = at 6.666.. s
        Assert.Equal(NotBefore.AddSeconds(6), RenewalTimeCalculator.Calculate(NotBefore, notAfter));
    }

    [Fact]
    public void NonUtcInputGivesUtcResult()
    {
        var nb = new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.FromHours(2));
        var actual = RenewalTimeCalculator.Calculate(nb, nb.AddHours(3));
        Assert.Equal(new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero), actual);
    }
}
