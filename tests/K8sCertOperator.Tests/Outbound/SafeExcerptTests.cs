using K8sCertOperator.Outbound;

namespace K8sCertOperator.Tests.Outbound;

/// <summary>Peer text shown in a status: control characters gone, whitespace collapsed, short.</summary>
public class SafeExcerptTests
{
    [Theory]
    [InlineData(null, null)]
    [InlineData("", "")]
    [InlineData("plain detail", "plain detail")]
    [InlineData("  two\r\n\tlines  ", "two lines")]
    [InlineData("bell\u0007 and esc\u001b[31m red", "bell and esc[31m red")]
    [InlineData("zero\u200bwidth", "zerowidth")]
    [InlineData("nul\0byte", "nulbyte")]
    public void Sanitizes(string? input, string? expected) => Assert.Equal(expected, SafeExcerpt.From(input));

    [Fact]
    public void Cuts_long_text()
    {
        var excerpt = SafeExcerpt.From(new string('x', 5000))!;

        Assert.Equal(SafeExcerpt.DefaultMaxChars + 3, excerpt.Length);
        Assert.EndsWith("...", excerpt, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unquoted_body_is_described_by_status_type_and_length() =>
        Assert.Equal("HTTP 502, text/html, 1234 bytes", SafeExcerpt.DescribeUnquotedBody(502, "text/html", 1234));
}
