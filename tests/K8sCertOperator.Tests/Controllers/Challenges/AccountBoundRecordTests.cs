using K8sCertOperator.Api.Acme;
using K8sCertOperator.Controllers.Challenges;
using K8sCertOperator.Solvers.Dns01.Config;

namespace K8sCertOperator.Tests.Controllers.Challenges;

/// <summary>The records the dns-persist-01 and dns-account-01 solvers name for a Challenge.</summary>
public class AccountBoundRecordTests
{
    private static Challenge Persist(bool wildcard, string? issuer, DateTime? until, bool provider, string? account = "https://ca.test/acct/9") => new()
    {
        Spec = new ChallengeSpec
        {
            Type = ChallengeTypes.DnsPersist01,
            DnsName = "example.com",
            Wildcard = wildcard,
            AccountUrl = account,
            IssuerDomainNames = ["ca.test", "authority.example"],
            Solver = new AcmeChallengeSolver
            {
                DnsPersist01 = new AcmeChallengeSolverDnsPersist01
                {
                    IssuerDomainName = issuer,
                    PersistUntil = until,
                    Provider = provider ? new AcmeChallengeSolverDnsPersist01Provider { Rfc2136 = new AcmeIssuerDnsRfc2136 { Nameserver = "127.0.0.1" } } : null,
                },
            },
        },
    };

    [Theory]
    [InlineData(false, null, false, false, "ca.test; accounturi=https://ca.test/acct/9")]
    [InlineData(true, null, false, true, "ca.test; accounturi=https://ca.test/acct/9; policy=wildcard")]
    [InlineData(false, "Authority.Example", false, false, "authority.example; accounturi=https://ca.test/acct/9")]
    [InlineData(true, null, true, false, "ca.test; accounturi=https://ca.test/acct/9; policy=wildcard; persistUntil=1830297600")]
    public void Persist_record_names_the_chosen_issuer_the_account_and_the_policy(bool wildcard, string? issuer, bool until, bool provider, string value)
    {
        var record = DnsPersist01ChallengeSolver.Record(Persist(wildcard, issuer, until ? new DateTime(2028, 1, 1, 0, 0, 0, DateTimeKind.Utc) : null, provider));

        Assert.Equal("_validation-persist.example.com.", record.Name);
        Assert.Equal(value, record.Value);
        Assert.Equal(provider, record.Managed);
    }

    [Fact]
    public void Persist_record_refuses_an_issuer_the_ca_does_not_offer_and_a_missing_account()
    {
        Assert.Throws<Dns01ConfigException>(() => DnsPersist01ChallengeSolver.Record(Persist(false, "letsencrypt.org", null, false)));
        Assert.Throws<Dns01ConfigException>(() => DnsPersist01ChallengeSolver.Record(Persist(false, null, null, false, account: null)));
    }

    [Theory]
    [InlineData(ChallengeTypes.Dns01, "https://ca.test/acct/1", "_acme-challenge.www.example.com.")]
    [InlineData(ChallengeTypes.DnsAccount01, "https://example.com/acme/acct/ExampleAccount", "_ujmmovf2vn55tgye._acme-challenge.www.example.com.")]
    public void Dns01_solver_writes_dns_account_01_under_the_account_label(string type, string account, string expected) =>
        Assert.Equal(expected, Dns01ChallengeSolver.RecordName(new Challenge { Spec = new ChallengeSpec { Type = type, DnsName = "www.example.com", AccountUrl = account } }));

    [Fact]
    public void Dns_account_01_without_an_account_url_is_a_configuration_error() =>
        Assert.Throws<Dns01ConfigException>(() => Dns01ChallengeSolver.RecordName(new Challenge { Spec = new ChallengeSpec { Type = ChallengeTypes.DnsAccount01, DnsName = "a.example.com" } }));
}
