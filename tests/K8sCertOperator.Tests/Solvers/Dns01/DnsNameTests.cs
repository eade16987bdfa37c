using K8sCertOperator.Solvers.Dns01;

namespace K8sCertOperator.Tests.Solvers.Dns01;

public sealed class DnsNameTests
{
    [Theory]
    [InlineData("example.com", "example.com.")]
    [InlineData("example.com.", "example.com.")]
    [InlineData("  Example.COM.  ", "example.com.")]
    [InlineData("_acme-challenge.Www.Example.com", "_acme-challenge.www.example.com.")]
    [InlineData(".", ".")]
    public void Normalize_gives_lower_case_absolute_names(string input, string expected) =>
        Assert.Equal(expected, DnsName.Normalize(input));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a..example.com")]
    [InlineData(".example.com")]
    [InlineData("..")]
    public void Normalize_rejects_empty_labels(string input) =>
        Assert.Throws<ArgumentException>(() => DnsName.Normalize(input));

    public static TheoryData<string, string[]> Candidates => new()
    {
        { "_acme-challenge.example.com.", ["_acme-challenge.example.com.", "example.com.", "com."] },
        { "_acme-challenge.a.b.example.co.uk", ["_acme-challenge.a.b.example.co.uk.", "a.b.example.co.uk.", "b.example.co.uk.", "example.co.uk.", "co.uk.", "uk."] },
        { "com", ["com."] },
        { ".", [] },
    };

    [Theory]
    [MemberData(nameof(Candidates))]
    public void Zone_candidates_walk_from_the_name_up_to_the_tld(string fqdn, string[] expected) =>
        Assert.Equal(expected, DnsName.ZoneCandidates(fqdn));

    [Theory]
    [InlineData("example.com", "_acme-challenge.example.com.")]
    [InlineData("*.example.com", "_acme-challenge.example.com.")]
    [InlineData("WWW.example.com.", "_acme-challenge.www.example.com.")]
    public void Challenge_fqdn_drops_the_wildcard_label(string domain, string expected) =>
        Assert.Equal(expected, DnsName.ChallengeFqdn(domain));

    [Theory]
    [InlineData("_acme-challenge.example.com.", "example.com.", true)]
    [InlineData("example.com.", "example.com", true)]
    [InlineData("badexample.com.", "example.com.", false)]
    [InlineData("example.com.", "www.example.com.", false)]
    [InlineData("anything.org.", ".", true)]
    public void Is_in_zone_compares_whole_labels(string name, string zone, bool expected) =>
        Assert.Equal(expected, DnsName.IsInZone(name, zone));

    [Theory]
    [InlineData("_acme-challenge.www.example.com.", "example.com.", "_acme-challenge.www")]
    [InlineData("example.com.", "example.com.", "@")]
    public void Relative_to_strips_the_zone(string name, string zone, string expected) =>
        Assert.Equal(expected, DnsName.RelativeTo(name, zone));
}
