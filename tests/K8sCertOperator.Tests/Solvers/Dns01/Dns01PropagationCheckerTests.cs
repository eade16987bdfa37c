using K8sCertOperator.Solvers.Dns01;

namespace K8sCertOperator.Tests.Solvers.Dns01;

public sealed class Dns01PropagationCheckerTests
{
    [Theory]
    [InlineData(60_000, "60s")]
    [InlineData(2_000, "2s")]
    [InlineData(1_500, "1500ms")]
    public void Timeouts_print_in_the_unit_a_person_configured(int milliseconds, string expected) =>
        Assert.Equal(expected, Dns01PropagationChecker.Format(TimeSpan.FromMilliseconds(milliseconds)));

    [Fact]
    public void Defaults_poll_authoritative_servers_for_a_minute_starting_fast()
    {
        var options = new Dns01PropagationOptions();
        Assert.Empty(options.RecursiveNameservers);
        Assert.False(options.RecursiveNameserversOnly);
        Assert.Equal(TimeSpan.FromSeconds(60), options.Timeout);
        Assert.InRange(options.FirstPollInterval, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200));
    }
}
