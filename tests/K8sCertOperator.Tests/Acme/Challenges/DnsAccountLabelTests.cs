using K8sCertOperator.Acme.Challenges;

namespace K8sCertOperator.Tests.Acme.Challenges;

public class DnsAccountLabelTests
{
    // Vectors of draft-ietf-acme-dns-account-label (also used by Boulder's VA tests).
    [Theory]
    [InlineData("https://example.com/acme/acct/ExampleAccount", "ujmmovf2vn55tgye")]
    [InlineData("https://example.com/acme/acct/1", "vrr7uudrklshxb6l")]
    [InlineData("https://example.com/acme/acct/12345", "ao3pcvmacvwyw63b")]
    public void Label_is_lower_case_base32_of_the_first_ten_bytes_of_the_sha256(string accountUrl, string expected) =>
        Assert.Equal(expected, DnsAccountLabel.For(accountUrl));

    [Theory]
    [InlineData("www.example.com", "_ujmmovf2vn55tgye._acme-challenge.www.example.com.")]
    [InlineData("*.Example.COM.", "_ujmmovf2vn55tgye._acme-challenge.example.com.")]
    public void Record_name_puts_the_label_in_front_of_acme_challenge(string domain, string expected) =>
        Assert.Equal(expected, DnsAccountLabel.RecordName("https://example.com/acme/acct/ExampleAccount", domain));

    [Fact]
    public void Two_accounts_get_two_record_names_for_one_name() =>
        Assert.NotEqual(
            DnsAccountLabel.RecordName("https://ca.test/acct/1", "example.com"),
            DnsAccountLabel.RecordName("https://ca.test/acct/2", "example.com"));
}
