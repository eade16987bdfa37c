using K8sCertOperator.Cli;
using K8sCertOperator.Cli.Standalone;
using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Cli;

public class StandaloneCliTests
{
    [Theory]
    [InlineData("keyCompromise", 1)]
    [InlineData("KEYCOMPROMISE", 1)]
    [InlineData("superseded", 4)]
    [InlineData("cessationOfOperation", 5)]
    [InlineData("0", 0)]
    [InlineData("10", 10)]
    [InlineData("7", null)]
    [InlineData("11", null)]
    [InlineData("-1", null)]
    [InlineData("bogus", null)]
    [InlineData("", null)]
    public void RevocationReasonsFollowRfc5280(string text, int? expected) =>
        Assert.Equal(expected, RevocationReasons.Parse(text));

    [Theory]
    [InlineData("ec256", KeyAlgorithm.Ecdsa, 256)]
    [InlineData("EC384", KeyAlgorithm.Ecdsa, 384)]
    [InlineData("rsa2048", KeyAlgorithm.Rsa, 2048)]
    [InlineData("rsa4096", KeyAlgorithm.Rsa, 4096)]
    public void KeyTypesMapToSpecs(string name, KeyAlgorithm algorithm, int size)
    {
        var spec = KeyTypes.Parse(name);
        Assert.NotNull(spec);
        Assert.Equal(algorithm, spec.Algorithm);
        Assert.Equal(size, spec.EffectiveSize);
    }

    [Fact]
    public void UnknownKeyTypeIsNull() => Assert.Null(KeyTypes.Parse("dsa1024"));

    public static TheoryData<string[], string?, string?> ValidationCases() => new()
    {
        { ["a.example.com"], "127.0.0.1:5002", null },
        { [], "127.0.0.1:5002", "at least one -d" },
        { ["a.example.com"], null, "--http01-listen" },
        { ["*.example.com"], "127.0.0.1:5002", "wildcard" },
        { ["a.example.com"], "nonsense", "--http01-listen:" },
    };

    [Theory]
    [MemberData(nameof(ValidationCases))]
    public void CertifyValidatesBeforeAnyNetworkCall(string[] domains, string? listen, string? expectedError)
    {
        var error = CertifyRunner.Validate(new CertifyOptions
        {
            Server = new Uri("https://acme.example/dir"),
            Domains = domains,
            Http01Listen = listen,
            OutputDirectory = "/tmp/unused",
        });
        if (expectedError is null)
        {
            Assert.Null(error);
        }
        else
        {
            Assert.NotNull(error);
            Assert.Contains(expectedError, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UnknownKeyTypeIsAUsageError() =>
        Assert.Contains("--key-type", CertifyRunner.Validate(new CertifyOptions
        {
            Server = new Uri("https://acme.example/dir"),
            Domains = ["a.example.com"],
            Http01Listen = "127.0.0.1:1",
            OutputDirectory = "/tmp/unused",
            KeyType = "rsa1024",
        }), StringComparison.Ordinal);

    [Theory]
    [InlineData("not a url")]
    [InlineData("ftp://acme.example/dir")]
    [InlineData("/relative/dir")]
    public async Task BadServerUrlExitsWithUsageCode(string server)
    {
        var code = await CommandLine.RunAsync(["certify", "--server", server, "-d", "a.example.com", "--out", "/tmp/unused", "--http01-listen", "127.0.0.1:1"], CancellationToken.None);
        Assert.Equal(ExitCodes.Usage, code);
    }

    [Fact]
    public async Task RevokeWithoutServerOrKeyIsAUsageError()
    {
        Assert.Equal(ExitCodes.Usage, await CommandLine.RunAsync(["revoke"], CancellationToken.None));
        Assert.Equal(ExitCodes.Usage, await CommandLine.RunAsync(["revoke", "--server", "https://acme.example/dir", "--cert", "/nonexistent.pem"], CancellationToken.None));
    }

    [Fact]
    public async Task MissingRequiredOptionFails() =>
        Assert.NotEqual(0, await CommandLine.RunAsync(["certify", "--server", "https://acme.example/dir"], CancellationToken.None));
}
