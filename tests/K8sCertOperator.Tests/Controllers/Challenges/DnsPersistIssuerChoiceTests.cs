using K8sCertOperator.Controllers.Challenges;
using K8sCertOperator.Solvers.Dns01.Config;

namespace K8sCertOperator.Tests.Controllers.Challenges;

public class DnsPersistIssuerChoiceTests
{
    [Theory]
    [InlineData(null, "ca.test,authority.example", "ca.test")]
    [InlineData("", "ca.test,authority.example", "ca.test")]
    [InlineData("authority.example", "ca.test,authority.example", "authority.example")]
    [InlineData("Authority.Example.", "ca.test,authority.example", "authority.example")]
    public void Configured_name_when_offered_else_the_first(string? configured, string offered, string expected) =>
        Assert.Equal(expected, DnsPersistIssuerChoice.Choose(configured, offered.Split(',')));

    [Fact]
    public void A_name_the_ca_does_not_offer_is_a_configuration_error_listing_the_offered_ones()
    {
        var e = Assert.Throws<Dns01ConfigException>(() => DnsPersistIssuerChoice.Choose("letsencrypt.org", ["ca.test", "authority.example"]));

        Assert.Contains("'letsencrypt.org'", e.Message, StringComparison.Ordinal);
        Assert.Contains("ca.test, authority.example", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_offered_names_is_an_error() =>
        Assert.Throws<Dns01ConfigException>(() => DnsPersistIssuerChoice.Choose(null, []));
}
