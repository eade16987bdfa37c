using K8sCertOperator.Acme.Resources;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Orders;

namespace K8sCertOperator.Tests.Controllers.Orders;

public class OrderCreatorTests
{
    [Fact]
    public void IdentifiersFromNamesIpsAndCommonNameWithoutDuplicates()
    {
        var spec = new OrderSpec { CommonName = "a.example.com", DnsNames = ["a.example.com", "*.example.com"], IpAddresses = ["10.0.0.1", "::1"] };
        Assert.Equal(
            [AcmeIdentifier.Dns("a.example.com"), AcmeIdentifier.Dns("*.example.com"), new AcmeIdentifier("ip", "10.0.0.1"), new AcmeIdentifier("ip", "::1")],
            OrderCreator.Identifiers(spec));
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("", null)]
    [InlineData("nonsense", null)]
    [InlineData("2160h", 2160.0)]
    [InlineData("1h30m", 1.5)]
    public void NotAfterFromDuration(string? duration, double? hours)
    {
        var now = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var expected = hours is { } h ? now + TimeSpan.FromHours(h) : (DateTimeOffset?)null;
        Assert.Equal(expected, OrderCreator.NotAfter(new OrderSpec { Duration = duration }, now));
    }

    [Fact]
    public void AuthorizationStatusStripsWildcardAndKeepsChallenges()
    {
        var authz = new K8sCertOperator.Acme.Resources.AcmeAuthorization
        {
            Identifier = AcmeIdentifier.Dns("example.com"),
            Status = "pending",
            Wildcard = true,
            Challenges = [new K8sCertOperator.Acme.Resources.AcmeChallenge { Type = "dns-01", Url = new Uri("https://ca/c/1"), Token = "t1" }],
        };
        var status = OrderCreator.ToStatus(new Uri("https://ca/authz/1"), authz);
        Assert.Equal(("https://ca/authz/1", "example.com", true, "pending"), (status.Url, status.Identifier, status.Wildcard, status.InitialState));
        var challenge = Assert.Single(status.Challenges!);
        Assert.Equal(("https://ca/c/1", "t1", "dns-01"), (challenge.Url, challenge.Token, challenge.Type));
    }
}
