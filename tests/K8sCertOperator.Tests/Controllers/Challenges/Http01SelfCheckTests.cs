using K8sCertOperator.Controllers.Challenges;

namespace K8sCertOperator.Tests.Controllers.Challenges;

/// <summary>The self-check follows redirects as a CA does: few, and only to http/https on ports 80/443.</summary>
public class Http01SelfCheckTests
{
    [Theory]
    [InlineData("http://www.example.com/.well-known/acme-challenge/t", 0, null)]
    [InlineData("https://www.example.com/.well-known/acme-challenge/t", 2, null)]
    [InlineData("http://www.example.com:80/x", 0, null)]
    [InlineData("https://www.example.com:443/x", 0, null)]
    [InlineData("https://www.example.com/x", Http01SelfCheck.MaxRedirects, "more than 3 redirects")]
    [InlineData("http://www.example.com:8080/x", 0, "a CA would not follow")]
    [InlineData("https://www.example.com:80/x", 0, "a CA would not follow")]
    [InlineData("http://www.example.com:443/x", 0, "a CA would not follow")]
    [InlineData("ftp://www.example.com/x", 0, "a CA would not follow")]
    [InlineData("file:///etc/passwd", 0, "a CA would not follow")]
    public void Refusal(string next, int redirectsSoFar, string? expected)
    {
        var refusal = Http01SelfCheck.Refusal(new Uri(next), redirectsSoFar);

        if (expected is null)
        {
            Assert.Null(refusal);
        }
        else
        {
            Assert.Contains(expected, refusal, StringComparison.Ordinal);
        }
    }
}
