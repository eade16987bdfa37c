using K8sCertOperator.Api.Acme;
using K8sCertOperator.Solvers;

namespace K8sCertOperator.Tests.Solvers;

public sealed class SolverSelectorTests
{
    private static readonly string[] Both = ["http-01", "dns-01"];

    // Columns: solvers ('|' separated SolverSpec strings), name, wildcard, certificate labels, offered types ('' = both),
    // expected solver index (-1 = none), expected Challenge spec type.
    [Theory]
    // No selector matches everything; the first solver wins a tie.
    [InlineData("http|dns", "www.example.com", false, "", "", 0, "HTTP-01")]
    [InlineData("dns|http", "www.example.com", false, "", "", 0, "DNS-01")]
    // matchLabels-only beats no selector, wherever it appears in the list.
    [InlineData("http|dns;labels=team=a", "www.example.com", false, "team=a", "", 1, "DNS-01")]
    [InlineData("http|dns;labels=team=a", "www.example.com", false, "team=b", "", 0, "HTTP-01")]
    // More matching labels is more specific; a label the Certificate lacks rules the solver out.
    [InlineData("http;labels=a=1|dns;labels=a=1,b=2", "x.example.com", false, "a=1,b=2", "", 1, "DNS-01")]
    [InlineData("http;labels=a=1|dns;labels=a=1,b=2", "x.example.com", false, "a=1", "", 0, "HTTP-01")]
    [InlineData("http;labels=a=1,b=2|dns;labels=a=1,c=3", "x.example.com", false, "a=1,b=2,c=3", "", 0, "HTTP-01")]
    // dnsZones beats matchLabels-only, and the longest zone wins.
    [InlineData("http;labels=a=1,b=2|dns;zones=example.com", "www.example.com", false, "a=1,b=2", "", 1, "DNS-01")]
    [InlineData("dns;zones=example.com|http;zones=sub.example.com", "www.sub.example.com", false, "", "", 1, "HTTP-01")]
    [InlineData("dns;zones=com,example.com|http;zones=sub.example.com", "example.com", false, "", "", 0, "DNS-01")]
    // A zone matches whole labels only; a non-matching zone rules the solver out.
    [InlineData("http|dns;zones=example.com", "badexample.com", false, "", "", 0, "HTTP-01")]
    [InlineData("dns;zones=example.org", "www.example.com", false, "", "", -1, null)]
    // Equal zones: more labels win; equal zones and labels: first wins.
    [InlineData("http;zones=example.com|dns;zones=example.com;labels=a=1", "www.example.com", false, "a=1", "", 1, "DNS-01")]
    [InlineData("http;zones=example.com|dns;zones=example.com", "www.example.com", false, "", "", 0, "HTTP-01")]
    // dnsNames beats even the longest zone and more labels.
    [InlineData("http;zones=a.example.com;labels=x=1|dns;names=www.a.example.com", "www.a.example.com", false, "x=1", "", 1, "DNS-01")]
    [InlineData("dns;names=www.example.com|http;names=other.example.com", "www.example.com", false, "", "", 0, "DNS-01")]
    // Both match dnsNames: zones, then labels decide.
    [InlineData("http;names=www.example.com|dns;names=www.example.com;zones=example.com", "www.example.com", false, "", "", 1, "DNS-01")]
    [InlineData("http;names=www.example.com;labels=a=1|dns;names=www.example.com", "www.example.com", false, "a=1", "", 0, "HTTP-01")]
    // Every non-empty selector part must match.
    [InlineData("http;names=www.example.com;labels=a=1|dns", "www.example.com", false, "", "", 1, "DNS-01")]
    // An empty selector matches everything, like none; ties keep the first.
    [InlineData("dns;{}|http", "www.example.com", false, "", "", 0, "DNS-01")]
    // Names compare case-insensitively and ignore a trailing dot.
    [InlineData("http|dns;names=WWW.Example.com.", "www.example.com", false, "", "", 1, "DNS-01")]
    // Only types the CA offered count.
    [InlineData("http;names=www.example.com|dns", "www.example.com", false, "", "dns-01", 1, "DNS-01")]
    [InlineData("http", "www.example.com", false, "", "dns-01", -1, null)]
    [InlineData("both", "www.example.com", false, "", "dns-01", 0, "DNS-01")]
    // A solver with both types takes the first one the CA lists.
    [InlineData("both", "www.example.com", false, "", "http-01,dns-01", 0, "HTTP-01")]
    // Wildcards: DNS-01 only, and dnsNames must list the "*." form.
    [InlineData("http|dns", "example.com", true, "", "", 1, "DNS-01")]
    [InlineData("http;names=*.example.com|dns", "example.com", true, "", "", 1, "DNS-01")]
    [InlineData("dns|dns;names=*.example.com", "example.com", true, "", "", 1, "DNS-01")]
    [InlineData("dns|dns;names=example.com", "example.com", true, "", "", 0, "DNS-01")]
    [InlineData("dns;zones=other.org|dns;zones=example.com", "*.example.com", false, "", "", 1, "DNS-01")]
    [InlineData("http", "example.com", true, "", "", -1, null)]
    // gatewayHTTPRoute solvers are HTTP-01 solvers: same selector precedence, never for wildcards.
    [InlineData("gateway|dns", "www.example.com", false, "", "", 0, "HTTP-01")]
    [InlineData("http|gateway;names=www.example.com", "www.example.com", false, "", "", 1, "HTTP-01")]
    [InlineData("gateway;zones=example.com|dns;names=www.example.com", "www.example.com", false, "", "", 1, "DNS-01")]
    [InlineData("gateway|dns", "example.com", true, "", "", 1, "DNS-01")]
    [InlineData("gateway", "example.com", true, "", "", -1, null)]
    [InlineData("dns|gateway", "192.0.2.10", false, "", "", 1, "HTTP-01")]
    // IP identifiers: HTTP-01 only (RFC 8738).
    [InlineData("dns|http", "192.0.2.10", false, "", "", 1, "HTTP-01")]
    [InlineData("dns", "2001:db8::1", false, "", "", -1, null)]
    // dns-account-01: an accountScoped dns01 solver takes it over dns-01 whatever the CA's order, and falls back to dns-01.
    [InlineData("dns-account", "www.example.com", false, "", "dns-01,dns-account-01", 0, "DNS-ACCOUNT-01")]
    [InlineData("dns-account", "example.com", true, "", "dns-01,dns-account-01", 0, "DNS-ACCOUNT-01")]
    [InlineData("dns-account", "www.example.com", false, "", "http-01,dns-01", 0, "DNS-01")]
    [InlineData("dns", "www.example.com", false, "", "dns-account-01,dns-01", 0, "DNS-01")]
    [InlineData("dns", "www.example.com", false, "", "dns-account-01", -1, null)]
    // dns-persist-01: only a dnsPersist01 solver takes it; it proves wildcards, not IP addresses.
    [InlineData("persist", "www.example.com", false, "", "http-01,dns-01,dns-persist-01", 0, "DNS-PERSIST-01")]
    [InlineData("http|persist", "example.com", true, "", "http-01,dns-01,dns-persist-01", 1, "DNS-PERSIST-01")]
    [InlineData("persist", "www.example.com", false, "", "http-01,dns-01", -1, null)]
    [InlineData("persist", "192.0.2.10", false, "", "http-01,dns-persist-01", -1, null)]
    [InlineData("dns|persist;names=www.example.com", "www.example.com", false, "", "dns-01,dns-persist-01", 1, "DNS-PERSIST-01")]
    public void Picks_the_most_specific_solver_the_ca_allows(
        string solvers, string name, bool wildcard, string labels, string offered, int expectedIndex, string? expectedType)
    {
        var list = solvers.Split('|').Select(SolverSpec.Parse).ToList();
        var offeredTypes = offered.Length == 0 ? Both : offered.Split(',');

        var result = SolverSelector.Select(list, name, wildcard, SolverSpec.Labels(labels), offeredTypes);

        if (expectedIndex < 0)
        {
            Assert.False(result.IsSelected);
            Assert.Null(result.Solver);
            Assert.NotNull(result.FailureReason);
        }
        else
        {
            Assert.True(result.IsSelected, result.FailureReason);
            Assert.Same(list[expectedIndex], result.Solver);
            Assert.Equal(expectedType, result.ChallengeType);
            Assert.Equal(expectedType!.ToLowerInvariant(), result.AcmeChallengeType);
            Assert.Null(result.FailureReason);
        }
    }

    [Theory]
    [InlineData("http", "example.com", true, "no solver matches *.example.com: wildcard names need a dns01 or dnsPersist01 solver")]
    [InlineData("dns;zones=example.org", "example.com", true, "no solver matches *.example.com: wildcard names need a dns01 or dnsPersist01 solver")]
    [InlineData("dns;zones=example.org", "x.example.com", false, "no configured solver matches name x.example.com (challenge types offered by the CA: http-01, dns-01)")]
    [InlineData("dns", "192.0.2.1", false, "no solver matches 192.0.2.1: IP addresses need an http01 solver")]
    public void Explains_why_nothing_matched(string solvers, string name, bool wildcard, string expected)
    {
        var list = solvers.Split('|').Select(SolverSpec.Parse).ToList();

        var result = SolverSelector.Select(list, name, wildcard, null, Both);

        Assert.Equal(expected, result.FailureReason);
    }

    [Fact]
    public void No_solvers_configured_gives_a_reason()
    {
        var result = SolverSelector.Select([], "a.example.com", false, null, Both);

        Assert.False(result.IsSelected);
        Assert.StartsWith("no configured solver matches name a.example.com", result.FailureReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Result_maps_acme_type_to_challenge_spec_type()
    {
        var solver = new AcmeChallengeSolver { Dns01 = new AcmeChallengeSolverDns01() };

        var result = SolverSelectorResult.Selected(solver, "dns-01");

        Assert.Equal(ChallengeTypes.Dns01, result.ChallengeType);
        Assert.Throws<ArgumentException>(() => SolverSelectorResult.Selected(solver, "tls-alpn-01"));
    }

    [Theory]
    [InlineData("example.com", "example.com", 2)]
    [InlineData("example.com.", "a.b.example.com", 2)]
    [InlineData("b.example.com", "a.b.example.com", 3)]
    [InlineData("example.com", "badexample.com", 0)]
    [InlineData("www.example.com", "example.com", 0)]
    [InlineData("", "example.com", 0)]
    [InlineData("example.com", "*.example.com", 2)]
    public void Zone_match_counts_labels_of_the_zone(string zone, string name, int expected) =>
        Assert.Equal(expected, SolverSelector.MatchingZoneLabels(zone, name));
}
