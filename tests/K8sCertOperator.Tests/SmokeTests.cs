namespace K8sCertOperator.Tests;

public class SmokeTests
{
    [Fact]
    public async Task HelpExitsZero()
    {
        var code = await K8sCertOperator.Cli.CommandLine.RunAsync(["--help"], CancellationToken.None);
        Assert.Equal(0, code);
    }
}
