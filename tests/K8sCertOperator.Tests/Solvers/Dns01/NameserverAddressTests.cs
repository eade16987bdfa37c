using K8sCertOperator.Solvers.Dns01;

namespace K8sCertOperator.Tests.Solvers.Dns01;

public sealed class NameserverAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:5353", "127.0.0.1", 5353, "127.0.0.1:5353")]
    [InlineData("127.0.0.1", "127.0.0.1", 53, "127.0.0.1:53")]
    [InlineData("ns1.example.com:53", "ns1.example.com", 53, "ns1.example.com:53")]
    [InlineData("[::1]:5300", "::1", 5300, "[::1]:5300")]
    [InlineData("[::1]", "::1", 53, "[::1]:53")]
    [InlineData("2001:db8::1", "2001:db8::1", 53, "[2001:db8::1]:53")]
    [InlineData(" 10.0.0.1:1053 ", "10.0.0.1", 1053, "10.0.0.1:1053")]
    public void Parses_host_and_port(string text, string host, int port, string printed)
    {
        var address = NameserverAddress.Parse(text);
        Assert.Equal(new NameserverAddress(host, port), address);
        Assert.Equal(printed, address.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("host:")]
    [InlineData("host:0")]
    [InlineData("host:70000")]
    [InlineData("host:abc")]
    [InlineData("[::1")]
    [InlineData("[::1]x")]
    public void Rejects_malformed_addresses(string text) =>
        Assert.Throws<FormatException>(() => NameserverAddress.Parse(text));
}
