using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Orders;

namespace K8sCertOperator.Tests.Controllers.Orders;

/// <summary>Every authorization the CA returns must be for a name the Order requested.</summary>
public sealed class AuthorizationIdentifierCheckTests
{
    public static TheoryData<string[], string[], string?[], bool> Cases => new()
    {
        // requested dnsNames, requested ipAddresses, authorization identifiers ("*." = wildcard), accepted
        { ["a.example.com"], [], ["a.example.com"], true },
        { ["a.example.com", "b.example.com"], [], ["b.example.com", "a.example.com"], true },
        // Fewer authorizations than names (reused elsewhere, or none needed) are fine: nothing foreign is acted on.
        { ["a.example.com", "b.example.com"], [], ["a.example.com"], true },
        { ["A.Example.COM."], [], ["a.example.com"], true },
        { ["a.example.com"], [], ["A.EXAMPLE.COM"], true },
        { ["*.example.com"], [], ["*.example.com"], true },
        { ["*.example.com", "example.com"], [], ["example.com", "*.example.com"], true },
        { [], ["2001:db8::1"], ["2001:0db8:0:0::1"], true },
        { [], ["192.0.2.7"], ["192.0.2.7"], true },
        // Another host: the ACME server must not choose what the operator claims.
        { ["a.example.com"], [], ["victim.example.net"], false },
        { ["a.example.com"], [], ["a.example.com", "victim.example.net"], false },
        // The wildcard authorization is not the apex, nor the other way round.
        { ["example.com"], [], ["*.example.com"], false },
        { ["*.example.com"], [], ["example.com"], false },
        { ["a.example.com"], [], ["a.example.com.evil.test"], false },
        { [], ["192.0.2.7"], ["192.0.2.8"], false },
        { ["a.example.com"], [], [""], false },
        { ["a.example.com"], [], [null], false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Accepts_only_requested_identifiers(string[] dnsNames, string[] ips, string?[] identifiers, bool accepted)
    {
        var spec = new OrderSpec { DnsNames = [.. dnsNames], IpAddresses = [.. ips] };
        var authorizations = identifiers.Select(id => new AcmeAuthorization
        {
            Url = "https://ca/authz/" + id,
            Identifier = id is not null && id.StartsWith("*.", StringComparison.Ordinal) ? id[2..] : id,
            Wildcard = id?.StartsWith("*.", StringComparison.Ordinal) == true,
        });

        var reason = AuthorizationIdentifierCheck.Check(spec, [.. authorizations]);

        Assert.True(accepted == (reason is null), reason ?? "accepted");
    }

    [Fact]
    public void The_reason_names_the_foreign_identifier_without_control_characters()
    {
        var spec = new OrderSpec { DnsNames = ["a.example.com"] };

        var reason = AuthorizationIdentifierCheck.Check(spec, [new AcmeAuthorization { Url = "u", Identifier = "evil\n.example.net" }]);

        Assert.NotNull(reason);
        Assert.Contains("'evil.example.net'", reason, StringComparison.Ordinal);
        Assert.Contains("a.example.com", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http-01", "LoqXcYV8q5ONbJQxbmR7SCTNo3tiAXDfowyjxAjEuX0", true)]
    [InlineData("dns-01", "abc_DEF-123", true)]
    [InlineData("http-01", "../../admin", false)]
    [InlineData("http-01", "tok/../x", false)]
    [InlineData("http-01", "tok%2Fx", false)]
    [InlineData("dns-01", "tok en", false)]
    [InlineData("http-01", "", false)]
    // A type the operator never solves is not judged.
    [InlineData("tls-alpn-01", "", true)]
    public void Tokens_of_solvable_challenges_must_be_base64url(string type, string token, bool accepted)
    {
        var spec = new OrderSpec { DnsNames = ["a.example.com"] };
        var authz = new AcmeAuthorization
        {
            Url = "u",
            Identifier = "a.example.com",
            Challenges = [new AcmeChallenge { Type = type, Url = "c", Token = token }],
        };

        var reason = AuthorizationIdentifierCheck.Check(spec, [authz]);

        Assert.True(accepted == (reason is null), reason ?? "accepted");
    }

    [Fact]
    public void An_overlong_token_is_refused()
    {
        var spec = new OrderSpec { DnsNames = ["a.example.com"] };
        var authz = new AcmeAuthorization
        {
            Url = "u",
            Identifier = "a.example.com",
            Challenges = [new AcmeChallenge { Type = "http-01", Url = "c", Token = new string('a', 257) }],
        };

        Assert.NotNull(AuthorizationIdentifierCheck.Check(spec, [authz]));
    }
}
