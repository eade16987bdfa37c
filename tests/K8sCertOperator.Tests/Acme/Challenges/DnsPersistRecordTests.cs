using K8sCertOperator.Acme.Challenges;

namespace K8sCertOperator.Tests.Acme.Challenges;

public class DnsPersistRecordTests
{
    private const string Account = "https://ca.test/acct/1";
    private static readonly string[] Offered = ["ca.test", "authority.example"];
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Theory]
    [InlineData("ca.test", false, null, "ca.test; accounturi=https://ca.test/acct/1")]
    [InlineData("CA.Test.", true, null, "ca.test; accounturi=https://ca.test/acct/1; policy=wildcard")]
    [InlineData("ca.test", true, 1_900_000_000L, "ca.test; accounturi=https://ca.test/acct/1; policy=wildcard; persistUntil=1900000000")]
    [InlineData("ca.test", false, 1_900_000_000L, "ca.test; accounturi=https://ca.test/acct/1; persistUntil=1900000000")]
    public void Format_writes_the_issue_value_syntax(string issuer, bool wildcard, long? until, string expected)
    {
        var record = DnsPersistRecord.For(issuer, Account, wildcard, until is { } u ? DateTimeOffset.FromUnixTimeSeconds(u) : null);

        Assert.Equal(expected, record.Format());
        Assert.Equal(record, DnsPersistRecord.Parse(record.Format(), out _));
    }

    [Theory]
    [InlineData("www.example.com", "_validation-persist.www.example.com.")]
    [InlineData("*.Example.com.", "_validation-persist.example.com.")]
    public void Record_name_drops_the_wildcard_label(string domain, string expected) =>
        Assert.Equal(expected, DnsPersistRecord.RecordName(domain));

    // Columns: TXT value, wildcard name, authorizes our account now, parse error (null = parses).
    [Theory]
    [InlineData("ca.test; accounturi=https://ca.test/acct/1", false, true, null)]
    [InlineData("authority.example;accounturi=https://ca.test/acct/1", false, true, null)]
    [InlineData("  CA.TEST.  ;  AccountURI = https://ca.test/acct/1  ;; ", false, true, null)]
    [InlineData("ca.test; accounturi=https://ca.test/acct/1; unknown=x", false, true, null)]
    // wildcard names need policy=wildcard (any case); a policy=wildcard record also covers the base name
    [InlineData("ca.test; accounturi=https://ca.test/acct/1", true, false, null)]
    [InlineData("ca.test; accounturi=https://ca.test/acct/1; policy=WildCard", true, true, null)]
    [InlineData("ca.test; accounturi=https://ca.test/acct/1; policy=wildcard", false, true, null)]
    [InlineData("ca.test; accounturi=https://ca.test/acct/1; policy=other", true, false, null)]
    // another CA, another account, expired
    [InlineData("other.ca; accounturi=https://ca.test/acct/1", false, false, null)]
    [InlineData("ca.test; accounturi=https://ca.test/acct/2", false, false, null)]
    [InlineData("ca.test; accounturi=https://ca.test/acct/1; persistUntil=1799999999", false, false, null)]
    [InlineData("ca.test; accounturi=https://ca.test/acct/1; persistUntil=1800000000", false, true, null)]
    // malformed
    [InlineData("", false, false, "no issuer-domain-name")]
    [InlineData("; accounturi=https://ca.test/acct/1", false, false, "no issuer-domain-name")]
    [InlineData("ca.test; policy=wildcard", false, false, "no accounturi")]
    [InlineData("ca.test; accounturi=", false, false, "no accounturi")]
    [InlineData("ca.test; accounturi=https://ca.test/acct/1; invalid", false, false, "parameter 'invalid' has no '='")]
    [InlineData("ca.test; accounturi=a; AccountURI=b", false, false, "parameter 'accounturi' appears twice")]
    [InlineData("ca.test; accounturi=https://ca.test/acct/1; persistUntil=soon", false, false, "persistUntil 'soon' is not a number of seconds")]
    [InlineData("ca.test; accounturi=https://ca.test/acct/1; persistUntil=", false, false, "persistUntil '' is not a number of seconds")]
    public void Parse_and_authorize_follow_the_draft(string text, bool wildcard, bool authorizes, string? error)
    {
        var record = DnsPersistRecord.Parse(text, out var problem);

        Assert.Equal(error, problem);
        Assert.Equal(error is null, record is not null);
        Assert.Equal(authorizes, record?.Authorizes(Offered, Account, wildcard, Now) ?? false);
    }
}
