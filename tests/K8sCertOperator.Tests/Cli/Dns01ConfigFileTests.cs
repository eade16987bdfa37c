using System.CommandLine;
using K8sCertOperator.Cli;
using K8sCertOperator.Cli.Standalone;
using K8sCertOperator.Solvers.Dns01.Cloudflare;
using K8sCertOperator.Solvers.Dns01.Route53;
using K8sCertOperator.Solvers.Dns01.Rfc2136;
using K8sCertOperator.Solvers.Dns01.Webhook;

namespace K8sCertOperator.Tests.Cli;

/// <summary>`certify --dns01-config FILE`: parsing, clear refusals, and secrets kept out of messages.</summary>
public sealed class Dns01ConfigFileTests : IDisposable
{
    private const string Secret = "s3cr3t-VALUE-never-shown";
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("dns01-config-");

    public Dns01ConfigFileTests()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "token"), Secret + "\n");
        File.WriteAllText(Path.Combine(_dir.FullName, "tsig"), Convert.ToBase64String(new byte[] { 1, 2, 3, 4 }) + "\n");
        File.WriteAllText(Path.Combine(_dir.FullName, "empty"), "  \n");
        File.WriteAllText(Path.Combine(_dir.FullName, "not-base64"), Secret);
    }

    public void Dispose() => _dir.Delete(recursive: true);

    public static TheoryData<string, string> BadFiles() => new()
    {
        { "{ not json", "not valid JSON" },
        { "[1, 2]", "must hold a JSON object" },
        { "{}", "provider is required" },
        { """{"provider": 42}""", "provider is required" },
        { """{"provider": "godaddy", "settings": {}}""", "unknown provider 'godaddy'" },
        { """{"provider": "rfc2136", "settings": []}""", "settings must be a JSON object" },
        { """{"provider": "cloudflare", "settings": {"apiToken": "x"}}""", "settings.apiToken: secrets are not accepted inline" },
        { """{"provider": "route53", "settings": {"secretAccessKey": "x"}}""", "settings.secretAccessKey: secrets are not accepted inline" },
        { """{"provider": "rfc2136", "settings": {"nameserver": "127.0.0.1:53", "nameservr": "x"}}""", "unknown setting(s) for rfc2136: nameservr" },
        { """{"provider": "rfc2136", "settings": {}}""", "settings.nameserver is required" },
        { """{"provider": "rfc2136", "settings": {"nameserver": 53}}""", "settings.nameserver is required" },
        { """{"provider": "rfc2136", "settings": {"nameserver": "ns:53", "tsigKeyName": "k."}}""", "go together" },
        { """{"provider": "rfc2136", "settings": {"nameserver": "ns:53", "tsigAlgorithm": "hmac-sha3"}}""", "settings.tsigAlgorithm: unsupported TSIG algorithm" },
        { """{"provider": "rfc2136", "settings": {"nameserver": "ns:53", "tsigKeyName": "k.", "tsigSecretFile": "not-base64"}}""", "does not hold a base64 TSIG secret" },
        { """{"provider": "rfc2136", "settings": {"nameserver": "ns:53", "tsigKeyName": "k.", "tsigSecretFile": "missing"}}""", "settings.tsigSecretFile: cannot read" },
        { """{"provider": "cloudflare", "settings": {}}""", "cloudflare needs settings.apiTokenFile" },
        { """{"provider": "cloudflare", "settings": {"apiKeyFile": "token"}}""", "settings.email is required" },
        { """{"provider": "cloudflare", "settings": {"apiTokenFile": "empty"}}""", "is empty" },
        { """{"provider": "cloudflare", "settings": {"apiTokenFile": "token", "baseUrl": "ftp://x"}}""", "settings.baseUrl must be an absolute http(s) URL" },
        { """{"provider": "route53", "settings": {"secretAccessKeyFile": "token"}}""", "settings.accessKeyId is required" },
        { """{"provider": "route53", "settings": {"accessKeyId": "AKIA"}}""", "settings.secretAccessKeyFile is required" },
        { """{"provider": "webhook", "settings": {"groupName": "acme.example.com"}}""", "settings.solverName is required" },
        { """{"provider": "webhook", "settings": {"groupName": "g", "solverName": "s", "config": "x"}}""", "settings.config must be a JSON object" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void BadFilesAreRefusedWithAClearMessage(string json, string expected)
    {
        var e = Assert.Throws<Dns01ConfigFileException>(() => Dns01ConfigFile.Parse(json, _dir.FullName));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rfc2136MapsOntoItsSettingsWithTheSecretDecoded()
    {
        var config = Dns01ConfigFile.Parse("""
            // comments are allowed
            {"provider": "RFC2136", "settings": {"nameserver": "10.0.0.53:5353", "tsigKeyName": "k8scert.", "tsigAlgorithm": "HMACSHA512", "tsigSecretFile": "tsig"}}
            """, _dir.FullName);
        Assert.Equal("rfc2136", config.Provider);
        var settings = Assert.IsType<Rfc2136Settings>(config.Settings);
        Assert.Equal(("10.0.0.53:5353", "k8scert.", "HMACSHA512"), (settings.Nameserver, settings.TsigKeyName, settings.TsigAlgorithm));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, settings.TsigSecret);
        Assert.Equal("10.0.0.53:5353", config.DefaultPropagationNameserver);
    }

    [Fact]
    public void UnsignedRfc2136NeedsOnlyTheNameserver()
    {
        var settings = Assert.IsType<Rfc2136Settings>(Dns01ConfigFile.Parse("""{"provider": "rfc2136", "settings": {"nameserver": "ns1.example.com"}}""", _dir.FullName).Settings);
        Assert.Null(settings.TsigKeyName);
        Assert.Null(settings.TsigSecret);
    }

    [Fact]
    public void CloudflareTokenIsReadFromItsFileAndNeverPrinted()
    {
        var config = Dns01ConfigFile.Parse("""{"provider": "cloudflare", "settings": {"apiTokenFile": "token", "baseUrl": "http://127.0.0.1:9/client/v4"}}""", _dir.FullName);
        var settings = Assert.IsType<CloudflareSettings>(config.Settings);
        Assert.Equal(Secret, settings.ApiToken);
        Assert.Equal(new Uri("http://127.0.0.1:9/client/v4/"), settings.BaseUri);
        Assert.DoesNotContain(Secret, config.ToString(), StringComparison.Ordinal);
        Assert.Null(config.DefaultPropagationNameserver);
    }

    [Fact]
    public void CloudflareLegacyKeyNeedsTheEmail()
    {
        var settings = Assert.IsType<CloudflareSettings>(Dns01ConfigFile.Parse(
            """{"provider": "cloudflare", "settings": {"email": "ops@example.com", "apiKeyFile": "token"}}""", _dir.FullName).Settings);
        Assert.Equal(("ops@example.com", Secret), (settings.Email, settings.ApiKey));
        Assert.Null(settings.ApiToken);
    }

    [Fact]
    public void Route53TakesAnAbsoluteSecretPathAndDefaultsTheRegion()
    {
        var tokenPath = Path.Combine(_dir.FullName, "token");
        var config = Dns01ConfigFile.Parse($$$"""{"provider": "route53", "settings": {"accessKeyId": "AKIAEXAMPLE", "secretAccessKeyFile": "{{{tokenPath}}}", "hostedZoneId": "Z123"}}""", "/nonexistent");
        var settings = Assert.IsType<Route53Settings>(config.Settings);
        Assert.Equal(("AKIAEXAMPLE", Secret, (string?)null), (settings.Credentials.AccessKeyId, settings.Credentials.SecretAccessKey, settings.Credentials.SessionToken));
        Assert.Equal(("us-east-1", "Z123"), (settings.Region, settings.HostedZoneId));
        Assert.DoesNotContain(Secret, config.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WebhookKeepsItsConfigAndGetsTheNamePerRecord()
    {
        var config = Dns01ConfigFile.Parse(
            """{"provider": "webhook", "settings": {"groupName": "acme.example.com", "solverName": "mydns", "namespace": "certs", "config": {"zone": "example.com"}, "kubeconfig": "/etc/kube.conf"}}""",
            _dir.FullName);
        Assert.Equal("/etc/kube.conf", config.Kubeconfig);
        var settings = Assert.IsType<WebhookSettings>(config.SettingsFor("a.example.com"));
        Assert.Equal(("acme.example.com", "mydns", "certs", "a.example.com"), (settings.GroupName, settings.SolverName, settings.ResourceNamespace, settings.DnsName));
        Assert.Equal("example.com", settings.Config!["zone"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("_acme-challenge.a.example.com.", "a.example.com")]
    [InlineData("_ACME-CHALLENGE.example.com", "example.com")]
    [InlineData("other.example.com.", "other.example.com")]
    [InlineData("_ujmmovf2vn55tgye._acme-challenge.a.example.com.", "a.example.com")]
    [InlineData("_validation-persist.a.example.com.", "a.example.com")]
    [InlineData("x._acme-challenge.a.example.com.", "x._acme-challenge.a.example.com")]
    public void RecordNamesMapBackToTheValidatedName(string fqdn, string expected) =>
        Assert.Equal(expected, ConfiguredDnsProvider.DnsNameOf(fqdn));

    [Fact]
    public void LoadReportsAMissingFile()
    {
        var e = Assert.Throws<Dns01ConfigFileException>(() => Dns01ConfigFile.Load(Path.Combine(_dir.FullName, "absent.json")));
        Assert.Contains("cannot read", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadResolvesSecretFilesNextToTheConfig()
    {
        var path = Path.Combine(_dir.FullName, "dns.json");
        File.WriteAllText(path, """{"provider": "cloudflare", "settings": {"apiTokenFile": "token"}}""");
        Assert.Equal(Secret, Assert.IsType<CloudflareSettings>(Dns01ConfigFile.Load(path).Settings).ApiToken);
    }


    [Fact]
    public void ConfigFileSatisfiesTheSolverRequirementAndExcludesTheRfc2136Flag()
    {
        var config = Dns01ConfigFile.Parse("""{"provider": "rfc2136", "settings": {"nameserver": "127.0.0.1:53"}}""", _dir.FullName);
        var options = new CertifyOptions { Server = new Uri("https://acme.example/dir"), Domains = ["*.example.com"], OutputDirectory = "/tmp/unused", Dns01Config = config };
        Assert.Null(CertifyRunner.Validate(options));
        var both = options with { Dns01Rfc2136 = new Rfc2136CliSettings("127.0.0.1:53", null, "hmac-sha256", null) };
        Assert.Contains("not both", CertifyRunner.Validate(both), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ broken")]
    [InlineData("""{"provider": "nope"}""")]
    [InlineData("""{"provider": "cloudflare", "settings": {}}""")]
    public async Task BadConfigFileExitsWithTheUsageCode(string json)
    {
        var path = Path.Combine(_dir.FullName, Guid.NewGuid().ToString("N") + ".json");
        await File.WriteAllTextAsync(path, json);
        var parse = StandaloneCommands.Certify().Parse(["--server", "https://127.0.0.1:1/dir", "-d", "a.example.com", "--out", _dir.FullName, "--dns01-config", path]);
        Assert.Empty(parse.Errors);
        Assert.Equal(ExitCodes.Usage, await parse.InvokeAsync());
    }
}
