using System.Text.Json;
using K8sCertOperator.Api;
using K8sCertOperator.Api.Acme;
using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Dns01.Cloudflare;
using K8sCertOperator.Solvers.Dns01.Config;
using K8sCertOperator.Solvers.Dns01.Rfc2136;
using K8sCertOperator.Solvers.Dns01.Route53;
using K8sCertOperator.Solvers.Dns01.Webhook;

namespace K8sCertOperator.Tests.Solvers.Dns01.Config;

public sealed class Dns01ConfigMapperTests
{
    private static readonly Dns01ConfigContext Context = new("shop", "www.example.com");
    private static readonly byte[] TsigKey = [0x10, 0x20, 0x30, 0x40, 0xfe, 0xff];
    private static readonly HttpClient Http = new();

    private static SecretKeySelector Ref(string name, string? key) => new() { Name = name, Key = key };

    private static Task<Dns01ProviderConfig> Map(AcmeChallengeSolverDns01 dns01, InMemorySecrets secrets, Dns01ConfigContext? context = null) =>
        Dns01ConfigMapper.MapAsync(dns01, context ?? Context, secrets.ReadAsync, CancellationToken.None);

    [Fact]
    public async Task Rfc2136_decodes_the_base64_tsig_secret_like_cert_manager()
    {
        var secrets = new InMemorySecrets().With("tsig", "secret", Convert.ToBase64String(TsigKey) + "\n");
        var dns01 = new AcmeChallengeSolverDns01
        {
            Rfc2136 = new AcmeIssuerDnsRfc2136
            {
                Nameserver = "192.0.2.53:5353", TsigKeyName = "acme-key.", TsigAlgorithm = "HMACSHA256",
                TsigSecretSecretRef = Ref("tsig", "secret"),
            },
        };

        var config = await Map(dns01, secrets);

        Assert.Equal("rfc2136", config.ProviderName);
        var settings = Assert.IsType<Rfc2136Settings>(config.Settings);
        Assert.Equal("192.0.2.53:5353", settings.Nameserver);
        Assert.Equal("acme-key.", settings.TsigKeyName);
        Assert.Equal("HMACSHA256", settings.TsigAlgorithm);
        Assert.Equal(TsigKey, settings.TsigSecret);
        Assert.Equal([("tsig", "secret")], secrets.Reads);
        Assert.Equal(CnameStrategy.None, config.CnameStrategy);
    }

    [Fact]
    public async Task Rfc2136_defaults_to_hmac_md5_and_may_be_unsigned()
    {
        var signed = await Map(
            new AcmeChallengeSolverDns01
            {
                Rfc2136 = new AcmeIssuerDnsRfc2136 { Nameserver = "ns1.example.com", TsigKeyName = "k", TsigSecretSecretRef = Ref("tsig", "s") },
            },
            new InMemorySecrets().With("tsig", "s", Convert.ToBase64String(TsigKey)));
        var unsigned = await Map(
            new AcmeChallengeSolverDns01 { Rfc2136 = new AcmeIssuerDnsRfc2136 { Nameserver = "[2001:db8::53]:53" } },
            new InMemorySecrets());

        Assert.Equal("HMACMD5", ((Rfc2136Settings)signed.Settings).TsigAlgorithm);
        var plain = Assert.IsType<Rfc2136Settings>(unsigned.Settings);
        Assert.Null(plain.TsigKeyName);
        Assert.Null(plain.TsigSecret);
    }

    [Fact]
    public async Task Cloudflare_token_or_email_and_key()
    {
        var secrets = new InMemorySecrets().With("cf", "token", "tok-123\n").With("cf", "key", "  global-key ");

        var token = await Map(new AcmeChallengeSolverDns01 { Cloudflare = new AcmeIssuerDnsCloudflare { ApiTokenSecretRef = Ref("cf", "token") } }, secrets);
        var key = await Map(
            new AcmeChallengeSolverDns01 { Cloudflare = new AcmeIssuerDnsCloudflare { Email = "ops@example.com", ApiKeySecretRef = Ref("cf", "key") } },
            secrets);

        Assert.Equal("cloudflare", token.ProviderName);
        Assert.Equal(new CloudflareSettings(ApiToken: "tok-123"), token.Settings);
        Assert.Equal(new CloudflareSettings(Email: "ops@example.com", ApiKey: "global-key"), key.Settings);
    }

    [Theory]
    [InlineData("AKIDINLINE", null, "eu-west-1", "Z123", "AKIDINLINE", "eu-west-1", "Z123")]
    [InlineData(null, "id", null, null, "AKIDFROMSECRET", "us-east-1", null)]
    [InlineData(" AKIDINLINE ", null, "", "", "AKIDINLINE", "us-east-1", null)]
    public async Task Route53_static_credentials(
        string? inlineId, string? idKey, string? region, string? zone, string expectedId, string expectedRegion, string? expectedZone)
    {
        var secrets = new InMemorySecrets().With("aws", "id", "AKIDFROMSECRET\n").With("aws", "secret", "s3cr3t\n");
        var dns01 = new AcmeChallengeSolverDns01
        {
            Route53 = new AcmeIssuerDnsRoute53
            {
                AccessKeyId = inlineId,
                AccessKeyIdSecretRef = idKey is null ? null : Ref("aws", idKey),
                SecretAccessKeySecretRef = Ref("aws", "secret"),
                Region = region,
                HostedZoneId = zone,
            },
        };

        var config = await Map(dns01, secrets);

        Assert.Equal("route53", config.ProviderName);
        var settings = Assert.IsType<Route53Settings>(config.Settings);
        Assert.Equal(new AwsCredentials(expectedId, "s3cr3t"), settings.Credentials);
        Assert.Equal(expectedRegion, settings.Region);
        Assert.Equal(expectedZone, settings.HostedZoneId);
    }

    [Fact]
    public async Task Webhook_passes_config_through_without_reading_secrets()
    {
        var secrets = new InMemorySecrets();
        var json = JsonDocument.Parse("""{"apiKeySecretRef":{"name":"x","key":"y"},"ttl":60}""").RootElement;
        var dns01 = new AcmeChallengeSolverDns01
        {
            CnameStrategy = "Follow",
            Webhook = new AcmeIssuerDnsWebhook { GroupName = "acme.example.org", SolverName = "mydns", Config = json },
        };
        var challenge = new ChallengeSpec { DnsName = "example.com", Wildcard = true };

        var config = await Map(dns01, secrets, Dns01ConfigContext.ForChallenge(challenge, "cert-system", allowAmbientCredentials: true));

        Assert.Equal("webhook", config.ProviderName);
        Assert.Equal(CnameStrategy.Follow, config.CnameStrategy);
        var settings = Assert.IsType<WebhookSettings>(config.Settings);
        Assert.Equal(("acme.example.org", "mydns", "cert-system", "*.example.com"), (settings.GroupName, settings.SolverName, settings.ResourceNamespace, settings.DnsName));
        Assert.True(settings.AllowAmbientCredentials);
        Assert.Equal(60, (int)settings.Config!["ttl"]!);
        Assert.Equal("x", (string)settings.Config["apiKeySecretRef"]!["name"]!);
        Assert.Empty(secrets.Reads);

        dns01.Webhook.Config = null;
        Assert.Null(((WebhookSettings)(await Map(dns01, secrets)).Settings).Config);
    }

    public static TheoryData<string, AcmeChallengeSolverDns01> Valid => new()
    {
        { "rfc2136", new() { Rfc2136 = new() { Nameserver = "127.0.0.1", TsigKeyName = "k", TsigSecretSecretRef = Ref("tsig", "s") } } },
        { "cloudflare", new() { Cloudflare = new() { ApiTokenSecretRef = Ref("cf", "token") } } },
        { "route53", new() { Route53 = new() { AccessKeyId = "AKID", SecretAccessKeySecretRef = Ref("aws", "secret") } } },
        { "webhook", new() { Webhook = new() { GroupName = "g.example", SolverName = "s" } } },
    };

    [Theory]
    [MemberData(nameof(Valid))]
    public async Task Mapped_settings_are_what_the_registered_provider_accepts(string name, AcmeChallengeSolverDns01 dns01)
    {
        var secrets = new InMemorySecrets()
            .With("tsig", "s", Convert.ToBase64String(TsigKey)).With("cf", "token", "t").With("aws", "secret", "s");
        var registry = DnsProviderRegistry.CreateDefault(new DnsProviderDependencies(Http, (_, _) => throw new NotSupportedException()));

        var config = await Map(dns01, secrets);

        Assert.Equal(name, config.ProviderName);
        Assert.True(registry.TryGetFactory(config.ProviderName, out var factory));
        Assert.Equal(factory.SettingsType, config.Settings.GetType());
        Assert.NotNull(registry.Create(config.ProviderName, config.Settings));
    }

    [Fact]
    public async Task Cancellation_reaches_the_secret_reader()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        var dns01 = new AcmeChallengeSolverDns01 { Cloudflare = new() { ApiTokenSecretRef = Ref("cf", "token") } };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => Dns01ConfigMapper.MapAsync(dns01, Context, new InMemorySecrets().With("cf", "token", "t").ReadAsync, cts.Token));
    }

    [Theory]
    [InlineData(null, CnameStrategy.None)]
    [InlineData("", CnameStrategy.None)]
    [InlineData("None", CnameStrategy.None)]
    [InlineData("Follow", CnameStrategy.Follow)]
    public void Cname_strategy_parses_cert_manager_values(string? value, CnameStrategy expected) =>
        Assert.Equal(expected, Dns01ConfigMapper.ParseCnameStrategy(value));
}
