using System.Text.RegularExpressions;
using K8sCertOperator.Controllers.Orders;

namespace K8sCertOperator.Tests.Controllers.Orders;

public partial class ChallengeNamingTests
{
    [GeneratedRegex("^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$")]
    private static partial Regex Dns1123Subdomain();

    [Fact]
    public void SameInputsGiveSameName() =>
        Assert.Equal(ChallengeNaming.For("web-1", "https://ca/authz/1", "HTTP-01"), ChallengeNaming.For("web-1", "https://ca/authz/1", "HTTP-01"));

    [Theory]
    [InlineData("https://ca/authz/2", "HTTP-01")]
    [InlineData("https://ca/authz/1", "DNS-01")]
    public void DifferentAuthorizationOrTypeGivesDifferentName(string url, string type) =>
        Assert.NotEqual(ChallengeNaming.For("web-1", "https://ca/authz/1", "HTTP-01"), ChallengeNaming.For("web-1", url, type));

    [Theory]
    [InlineData("web-1")]
    [InlineData("a")]
    [InlineData("a-very-long-order-name-that-goes-on-and-on-and-on-for-far-too-many-characters-1234567890-abcdef")]
    [InlineData("name-with-dash-at-cut-position-xxxxxxxxxxxxxxxxxxxx-yyyyy")]
    public void NameIsValidAndBounded(string order)
    {
        var name = ChallengeNaming.For(order, "https://ca/authz/1", "HTTP-01");
        Assert.Matches(Dns1123Subdomain(), name);
        Assert.True(name.Length <= 63, name);
        Assert.StartsWith(order[..Math.Min(order.Length, 20)], name, StringComparison.Ordinal);
    }
}
