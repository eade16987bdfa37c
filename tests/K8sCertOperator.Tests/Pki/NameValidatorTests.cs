using K8sCertOperator.Pki;

namespace K8sCertOperator.Tests.Pki;

public class NameValidatorTests
{
    private static readonly string Label63 = new('a', 63);

    public static TheoryData<string?, bool> DnsNames => new()
    {
        { "example.com", true },
        { "a.b.c.example.com", true },
        { "EXAMPLE.com", true },
        { "localhost", true },
        { "*.example.com", true },
        { "xn--mnchen-3ya.de", true },
        { "*.xn--mnchen-3ya.de", true },
        { "a-b.example.com", true },
        { $"{Label63}.example.com", true },
        { string.Join('.', Enumerable.Repeat(Label63, 3)) + "." + new string('b', 61), true }, // 253 chars
        { string.Join('.', Enumerable.Repeat(Label63, 3)) + "." + new string('b', 62), false }, // 254 chars
        { $"{Label63}a.example.com", false },
        { null, false },
        { "", false },
        { "example.com.", false },
        { ".example.com", false },
        { "a..example.com", false },
        { "*", false },
        { "*.com", false },
        { "foo.*.example.com", false },
        { "*foo.example.com", false },
        { "f*o.example.com", false },
        { "**.example.com", false },
        { "-a.example.com", false },
        { "a-.example.com", false },
        { "under_score.example.com", false },
        { "sp ace.example.com", false },
        { "münchen.de", false },
        { "example.com/path", false },
        { "192.0.2.1", false },
        { "host.123", false },
        { "123.example.com", true },
        { "123abc", true },
    };

    [Theory]
    [MemberData(nameof(DnsNames))]
    public void ValidateDnsName(string? name, bool valid)
    {
        var error = NameValidator.ValidateDnsName(name);
        Assert.Equal(valid, error is null);
    }

    [Fact]
    public void IdnErrorExplainsALabels()
    {
        Assert.Contains("A-labels", NameValidator.ValidateDnsName("bücher.example")!, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("192.0.2.1", true)]
    [InlineData("10.0.0.255", true)]
    [InlineData("2001:db8::1", true)]
    [InlineData("::1", true)]
    [InlineData("1", false)]
    [InlineData("1.2.3", false)]
    [InlineData("256.1.1.1", false)]
    [InlineData("0x7f.0.0.1", false)]
    [InlineData("fe80::1%eth0", false)]
    [InlineData("example.com", false)]
    [InlineData("", false)]
    public void ValidateIpAddress(string address, bool valid) => Assert.Equal(valid, NameValidator.ValidateIpAddress(address) is null);

    [Theory]
    [InlineData("spiffe://cluster.local/ns/default/sa/web", true)]
    [InlineData("https://example.com/x?y=1", true)]
    [InlineData("urn:example:thing", true)]
    [InlineData("/relative/path", false)]
    [InlineData("no scheme", false)]
    [InlineData("https://exa mple.com", false)]
    [InlineData("", false)]
    public void ValidateUri(string uri, bool valid) => Assert.Equal(valid, NameValidator.ValidateUri(uri) is null);

    [Theory]
    [InlineData("admin@example.com", true)]
    [InlineData("a.b+c@sub.example.com", true)]
    [InlineData("@example.com", false)]
    [InlineData("admin@", false)]
    [InlineData("a@b@example.com", false)]
    [InlineData("admin@*.example.com", false)]
    [InlineData("ad min@example.com", false)]
    [InlineData("", false)]
    public void ValidateEmailAddress(string email, bool valid) => Assert.Equal(valid, NameValidator.ValidateEmailAddress(email) is null);

    [Fact]
    public void HugeNameIsShortenedInMessage()
    {
        var error = NameValidator.ValidateDnsName(new string('a', 10_000))!;
        Assert.True(error.Length < 200, error);
    }
}
