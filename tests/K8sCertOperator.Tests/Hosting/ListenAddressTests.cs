using System.Net;
using K8sCertOperator.Hosting;

namespace K8sCertOperator.Tests.Hosting;

public class ListenAddressTests
{
    [Theory]
    [InlineData(":8089", "0.0.0.0", 8089)]
    [InlineData("0.0.0.0:9402", "0.0.0.0", 9402)]
    [InlineData("127.0.0.1:0", "127.0.0.1", 0)]
    [InlineData("localhost:80", "127.0.0.1", 80)]
    [InlineData("[::1]:443", "::1", 443)]
    public void ParsesFlagForms(string text, string address, int port)
    {
        Assert.True(ListenAddress.TryParse(text, out var endpoint, out var error), error);
        Assert.Equal(IPAddress.Parse(address), endpoint.Address);
        Assert.Equal(port, endpoint.Port);
    }

    [Theory]
    [InlineData("8089")]
    [InlineData("host.example:80")]
    [InlineData("127.0.0.1:99999")]
    [InlineData("127.0.0.1:")]
    [InlineData("127.0.0.1:-1")]
    public void RejectsWithAReason(string text)
    {
        Assert.False(ListenAddress.TryParse(text, out _, out var error));
        Assert.NotEmpty(error);
    }
}
