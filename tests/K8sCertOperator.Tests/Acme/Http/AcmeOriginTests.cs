using K8sCertOperator.Acme.Http;

namespace K8sCertOperator.Tests.Acme.Http;

/// <summary>Every URL the server hands back must share the directory's scheme, host and port.</summary>
public class AcmeOriginTests
{
    private static readonly AcmeOrigin Origin = new(new Uri("https://acme.example:14000/dir"));

    [Theory]
    [InlineData("https://acme.example:14000/order/1", true)]
    [InlineData("https://ACME.example:14000/authz/1?x=1", true)]
    [InlineData("http://acme.example:14000/order/1", false)]
    [InlineData("https://acme.example/order/1", false)]
    [InlineData("https://acme.example:14001/order/1", false)]
    [InlineData("https://other.example:14000/order/1", false)]
    [InlineData("https://acme.example.evil:14000/order/1", false)]
    [InlineData("https://127.0.0.1:14000/order/1", false)]
    [InlineData("https://user@acme.example:14000/order/1", true)]
    public void Contains(string url, bool expected) => Assert.Equal(expected, Origin.Contains(new Uri(url)));

    [Fact]
    public void Default_ports_compare_equal()
    {
        var origin = new AcmeOrigin(new Uri("https://acme.example/directory"));

        Assert.True(origin.Contains(new Uri("https://acme.example:443/acme/new-order")));
        Assert.False(origin.Contains(new Uri("http://acme.example:443/acme/new-order")));
    }

    [Fact]
    public void Require_refuses_with_a_clear_error()
    {
        var error = Assert.Throws<AcmeProtocolException>(() => Origin.Require(new Uri("http://169.254.169.254/latest/meta-data"), "finalize"));

        Assert.Contains("finalize URL on http://169.254.169.254", error.Message, StringComparison.Ordinal);
        Assert.Contains("not on its directory's origin https://acme.example:14000", error.Message, StringComparison.Ordinal);
    }
}
