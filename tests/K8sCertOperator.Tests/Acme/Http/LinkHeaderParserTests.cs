using K8sCertOperator.Acme.Http;

namespace K8sCertOperator.Tests.Acme.Http;

/// <summary>Link header parsing for rel="alternate" certificate chains.</summary>
public class LinkHeaderParserTests
{
    private static readonly Uri Base = new("https://acme.example/cert/1");

    [Theory]
    [InlineData("<https://acme.example/cert/1/1>;rel=\"alternate\"", "alternate", "https://acme.example/cert/1/1")]
    [InlineData("<https://acme.example/cert/1/1>; rel=alternate", "alternate", "https://acme.example/cert/1/1")]
    [InlineData("</cert/1/2>;rel=\"alternate\"", "alternate", "https://acme.example/cert/1/2")]
    [InlineData("<https://a/1>;rel=\"up\", <https://a/2>;rel=\"alternate\"", "alternate", "https://a/2")]
    [InlineData("<https://a/1>;rel=\"index\"", "alternate", "")]
    [InlineData("<https://a/x,y>;rel=\"alternate\"", "alternate", "https://a/x,y")]
    [InlineData("<https://a/1>;rel=\"up alternate\"", "alternate", "https://a/1")]
    public void Finds_links_by_relation(string header, string relation, string expected)
    {
        var found = LinkHeaderParser.Find([header], relation, Base);

        Assert.Equal(expected.Length == 0 ? [] : [expected], found.Select(u => u.AbsoluteUri));
    }

    [Fact]
    public void Collects_links_across_header_values_in_order()
    {
        var found = LinkHeaderParser.Find(["<https://a/1>;rel=\"alternate\"", "<https://a/2>;rel=\"alternate\""], "alternate", Base);

        Assert.Equal(["https://a/1", "https://a/2"], found.Select(u => u.AbsoluteUri));
    }
}
