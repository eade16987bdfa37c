using System.Buffers.Text;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Cli.Standalone;

namespace K8sCertOperator.Tests.Cli.Standalone;

/// <summary>--challenge, --profile and EAB are checked before certify sends anything.</summary>
public class CertifyOptionsValidationTests
{
    private static readonly CertifyOptions Base = new()
    {
        Server = new Uri("https://acme.example/dir"),
        Domains = ["a.example.com"],
        Http01Listen = "127.0.0.1:5002",
        OutputDirectory = "/tmp/unused",
    };

    [Theory]
    [InlineData("http-01", "http-01", null)]
    [InlineData("DNS-01", "dns-01", null)]
    [InlineData("dns-persist-01", "dns-persist-01", null)]
    [InlineData("dns-account-01", "dns-account-01", null)]
    [InlineData("tls-alpn-01", null, "unknown --challenge 'tls-alpn-01' (one of http-01, dns-01, dns-persist-01, dns-account-01)")]
    public void Challenge_names_parse(string text, string? type, string? error)
    {
        Assert.Equal((type, error), CertifyChallenges.Parse(text));
    }

    public static TheoryData<string, CertifyOptions, string?> Cases() => new()
    {
        { "http-01 with a listener", Base with { Challenge = "http-01" }, null },
        { "dns-persist-01 without a provider is published by hand", Base with { Challenge = "dns-persist-01", Http01Listen = null }, null },
        { "dns-persist-01 with an offered issuer", Base with { Challenge = "dns-persist-01", DnsPersistIssuerDomainName = "letsencrypt.org" }, null },
        { "dns-persist-01 waiting for nothing", Base with { Challenge = "dns-persist-01", DnsPersistWait = TimeSpan.Zero }, "--dns-persist-wait must be positive" },
        { "dns-persist options with http-01", Base with { Challenge = "http-01", DnsPersistUntil = DateTimeOffset.UnixEpoch }, "only apply to --challenge dns-persist-01" },
        { "dns-account-01 without DNS options", Base with { Challenge = "dns-account-01" }, "--challenge dns-account-01 needs --dns01-rfc2136 HOST:PORT or --dns01-config FILE" },
        { "dns-account-01 with RFC 2136", Base with { Challenge = "dns-account-01", Dns01Rfc2136 = new Rfc2136CliSettings("127.0.0.1:53", null, "hmac-sha256", null) }, null },
        { "dns-01 without DNS options", Base with { Challenge = "dns-01" }, "--challenge dns-01 needs" },
        { "http-01 without a listener", Base with { Challenge = "http-01", Http01Listen = null, Dns01Rfc2136 = new Rfc2136CliSettings("127.0.0.1:53", null, "hmac-sha256", null) }, "--challenge http-01 needs --http01-listen" },
        { "http-01 for a wildcard", Base with { Challenge = "http-01", Domains = ["*.example.com"], Dns01Rfc2136 = new Rfc2136CliSettings("127.0.0.1:53", null, "hmac-sha256", null) }, "wildcard" },
        { "empty profile", Base with { Profile = " " }, "--profile needs a profile name" },
        { "profile", Base with { Profile = "shortlived" }, null },
        { "EAB HS256 with 32 bytes", Base with { ExternalAccountBinding = Eab(32, "HS256") }, null },
        { "EAB HS512 with 64 bytes", Base with { ExternalAccountBinding = Eab(64, "HS512") }, null },
        { "EAB HS512 with 32 bytes", Base with { ExternalAccountBinding = Eab(32, "HS512") }, "--eab-hmac-key-file: the EAB MAC key for key id 'kid-1' is 32 bytes, but HS512 needs at least 64 (RFC 7518 §3.2)" },
        { "EAB HS384 with 47 bytes", Base with { ExternalAccountBinding = Eab(47, "HS384") }, "needs at least 48" },
        { "EAB not base64url", Base with { ExternalAccountBinding = new ExternalAccountBinding("kid-1", "not base64!!") }, "not valid base64url" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Validate_finds_usage_errors_before_any_request(string name, CertifyOptions options, string? expected)
    {
        var error = CertifyRunner.Validate(options);

        if (expected is null)
        {
            Assert.True(error is null, $"{name}: {error}");
        }
        else
        {
            Assert.NotNull(error);
            Assert.Contains(expected, error, StringComparison.Ordinal);
        }
    }

    public static TheoryData<string, CertifyOptions, TimeSpan> Deadlines() => new()
    {
        { "http-01", Base, TimeSpan.FromMinutes(5) },
        { "dns-persist-01 through a provider", Base with { Challenge = "dns-persist-01", Dns01Rfc2136 = new Rfc2136CliSettings("127.0.0.1:53", null, "hmac-sha256", null) }, TimeSpan.FromMinutes(5) },
        { "dns-persist-01 published by hand", Base with { Challenge = "dns-persist-01", DnsPersistWait = TimeSpan.FromHours(1) }, TimeSpan.FromMinutes(65) },
    };

    [Theory]
    [MemberData(nameof(Deadlines))]
    public void A_record_published_by_hand_extends_the_run_by_the_wait(string name, CertifyOptions options, TimeSpan expected)
    {
        Assert.True(expected == options.RunTimeout, $"{name}: {options.RunTimeout}");
    }

    private static ExternalAccountBinding Eab(int bytes, string algorithm) =>
        new("kid-1", Base64Url.EncodeToString(new byte[bytes]), algorithm);
}
