using K8sCertOperator.Solvers.Dns01;
using K8sCertOperator.Solvers.Dns01.Cloudflare;
using K8sCertOperator.Solvers.Dns01.Rfc2136;
using K8sCertOperator.Solvers.Dns01.Route53;
using K8sCertOperator.Solvers.Dns01.Webhook;

namespace K8sCertOperator.Tests.Solvers.Dns01;

public sealed class DnsProviderRegistryTests
{
    private static readonly HttpClient Http = new();

    private static DnsProviderRegistry Registry() =>
        DnsProviderRegistry.CreateDefault(new DnsProviderDependencies(Http, (_, _) => throw new NotSupportedException()));

    [Fact]
    public void Default_registry_knows_the_built_in_providers() =>
        Assert.Equal(["cloudflare", "rfc2136", "route53", "webhook"], Registry().Names);

    public static TheoryData<string, DnsProviderSettings, Type> Cases => new()
    {
        { "rfc2136", new Rfc2136Settings("127.0.0.1:53", "key.", "hmac-sha256", [1, 2, 3]), typeof(Rfc2136Provider) },
        { "CloudFlare", new CloudflareSettings(ApiToken: "t"), typeof(CloudflareProvider) },
        { "route53", new Route53Settings(new AwsCredentials("AKID", "secret")), typeof(Route53Provider) },
        { "webhook", new WebhookSettings("acme.example.com", "solver", "ns", "example.com"), typeof(WebhookProvider) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Creates_the_provider_registered_under_the_name(string name, DnsProviderSettings settings, Type expected) =>
        Assert.IsType(expected, Registry().Create(name, settings));

    [Fact]
    public void Unknown_name_lists_the_known_providers()
    {
        var error = Assert.Throws<KeyNotFoundException>(() => Registry().Create("digitalocean", new CloudflareSettings("t")));
        Assert.Contains("digitalocean", error.Message, StringComparison.Ordinal);
        Assert.Contains("cloudflare, rfc2136, route53, webhook", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_of_another_provider_are_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => Registry().Create("rfc2136", new CloudflareSettings("t")));
        Assert.Contains("Rfc2136Settings", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Registering_a_name_twice_fails() =>
        Assert.Throws<InvalidOperationException>(() => Registry().Register(new Rfc2136ProviderFactory()));

    [Fact]
    public void Settings_do_not_print_their_secrets()
    {
        var text = new Rfc2136Settings("ns:53", "key.", "hmac-sha256", [0xde, 0xad]).ToString()
            + new CloudflareSettings(ApiToken: "cf-secret-token")
            + new AwsCredentials("AKID", "aws-secret-key");
        Assert.DoesNotContain("cf-secret-token", text, StringComparison.Ordinal);
        Assert.DoesNotContain("aws-secret-key", text, StringComparison.Ordinal);
        Assert.DoesNotContain("3q0=", text, StringComparison.Ordinal);
    }
}
