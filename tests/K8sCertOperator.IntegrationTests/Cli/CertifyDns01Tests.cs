using K8sCertOperator.Cli.Standalone;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Pki;

namespace K8sCertOperator.IntegrationTests.Cli;

/// <summary>`certify` with DNS-01 through RFC 2136 into a real bind9 that Pebble resolves through.</summary>
public sealed class CertifyDns01Tests : IClassFixture<Bind9Fixture>, IDisposable
{
    private readonly Bind9Fixture _bind;
    private readonly string _work = Directory.CreateTempSubdirectory("certify-dns-").FullName;

    public CertifyDns01Tests(Bind9Fixture bind) => _bind = bind;

    [SkippableFact]
    public async Task WildcardIssuesAndTheTxtRecordIsRemovedAfterwards()
    {
        Skip.If(_bind.SkipReason is not null, _bind.SkipReason);
        var missing = ExternalTool.MissingReason("pebble", "pebble");
        Skip.If(missing is not null, missing);
        await using var pebble = await PebbleFixture.StartAsync(new PebbleOptions { StartHttp01Responder = false, DnsServer = _bind.Nameserver });
        var caBundle = Path.Combine(_work, "ca.pem");
        await File.WriteAllTextAsync(caBundle, pebble.TlsCaPem);
        var secretFile = Path.Combine(_work, "tsig.secret");
        await File.WriteAllTextAsync(secretFile, Convert.ToBase64String(_bind.TsigSecret));
        var output = Path.Combine(_work, "out");

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CertifyRunner.RunAsync(new CertifyOptions
        {
            Server = pebble.DirectoryUrl,
            CaBundleFile = caBundle,
            Domains = ["*.wild.example.com", "wild.example.com"],
            OutputDirectory = output,
            Dns01Rfc2136 = new Rfc2136CliSettings(_bind.Nameserver, _bind.TsigKeyName, _bind.TsigAlgorithm, secretFile),
        }, stdout, stderr, null, CancellationToken.None);

        Assert.True(code == 0, stderr.ToString() + stdout + pebble.Output);
        var leaf = CertificateInfo.FromPem(await File.ReadAllTextAsync(Path.Combine(output, "tls.crt")));
        Assert.Equal(["*.wild.example.com", "wild.example.com"], leaf.SubjectAltNames.DnsNames.Order(StringComparer.Ordinal));
        Assert.Empty(await _bind.QueryTxtAsync("_acme-challenge.wild.example.com."));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);
}
