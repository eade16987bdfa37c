using K8sCertOperator.Cli;
using K8sCertOperator.Cli.Standalone;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Pki;

namespace K8sCertOperator.IntegrationTests.Cli;

/// <summary>`certify --dns01-config FILE` end to end: an rfc2136 config file against a real bind9 that Pebble resolves through.</summary>
public sealed class CertifyDns01ConfigFileTests : IClassFixture<Bind9Fixture>, IDisposable
{
    private readonly Bind9Fixture _bind;
    private readonly string _work = Directory.CreateTempSubdirectory("certify-dns-config-").FullName;

    public CertifyDns01ConfigFileTests(Bind9Fixture bind) => _bind = bind;

    [SkippableFact]
    public async Task CertificateIsIssuedWithTheProviderFromTheConfigFile()
    {
        Skip.If(_bind.SkipReason is not null, _bind.SkipReason);
        var missing = ExternalTool.MissingReason("pebble", "pebble");
        Skip.If(missing is not null, missing);
        await using var pebble = await PebbleFixture.StartAsync(new PebbleOptions { StartHttp01Responder = false, DnsServer = _bind.Nameserver });
        var caBundle = Path.Combine(_work, "ca.pem");
        await File.WriteAllTextAsync(caBundle, pebble.TlsCaPem);
        // The secret sits next to the config and is named relatively, as an operator would ship them.
        await File.WriteAllTextAsync(Path.Combine(_work, "tsig.secret"), Convert.ToBase64String(_bind.TsigSecret) + "\n");
        var configPath = Path.Combine(_work, "dns01.json");
        await File.WriteAllTextAsync(configPath, $$"""
            {
              "provider": "rfc2136",
              "settings": {
                "nameserver": "{{_bind.Nameserver}}",
                "tsigKeyName": "{{_bind.TsigKeyName}}",
                "tsigAlgorithm": "{{_bind.TsigAlgorithm}}",
                "tsigSecretFile": "tsig.secret"
              }
            }
            """);
        var output = Path.Combine(_work, "out");

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CertifyRunner.RunAsync(new CertifyOptions
        {
            Server = pebble.DirectoryUrl,
            CaBundleFile = caBundle,
            Domains = ["*.cfg.example.com", "cfg.example.com"],
            OutputDirectory = output,
            Dns01Config = Dns01ConfigFile.Load(configPath),
        }, stdout, stderr, null, CancellationToken.None);

        Assert.True(code == ExitCodes.Ok, stderr.ToString() + stdout + pebble.Output);
        var leaf = CertificateInfo.FromPem(await File.ReadAllTextAsync(Path.Combine(output, "tls.crt")));
        Assert.Equal(["*.cfg.example.com", "cfg.example.com"], leaf.SubjectAltNames.DnsNames.Order(StringComparer.Ordinal));
        Assert.Empty(await _bind.QueryTxtAsync("_acme-challenge.cfg.example.com."));
        Assert.DoesNotContain(Convert.ToBase64String(_bind.TsigSecret), stdout.ToString() + stderr, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
