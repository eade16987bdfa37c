using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Cli;
using K8sCertOperator.Cli.Standalone;
using K8sCertOperator.IntegrationTests.Acme;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Pki;

namespace K8sCertOperator.IntegrationTests.Cli;

/// <summary>`certify` end to end against a real Pebble, the way a user runs it.</summary>
public sealed class CertifyCommandTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("certify-").FullName;

    [SkippableFact]
    public async Task Http01IssuesAChainThatVerifiesAndReusesTheAccountKey()
    {
        var missing = ExternalTool.MissingReason("pebble", "pebble");
        Skip.If(missing is not null, missing);
        await using var pebble = await PebbleFixture.StartAsync(new PebbleOptions { StartHttp01Responder = false });
        var caBundle = WriteCaBundle(pebble);
        var options = new CertifyOptions
        {
            Server = pebble.DirectoryUrl,
            CaBundleFile = caBundle,
            Domains = ["a.example.com", "b.example.com"],
            Http01Listen = $"127.0.0.1:{pebble.HttpPort}",
            OutputDirectory = Path.Combine(_work, "out"),
            Email = "ops@example.com",
        };

        var (code, stdout, stderr) = await RunAsync(options);
        Assert.True(code == 0, stderr + stdout);
        var chainPem = await File.ReadAllTextAsync(Path.Combine(options.OutputDirectory, "tls.crt"));
        var chain = PemCodec.DecodeCertificates(chainPem);
        using var key = PemCodec.DecodePrivateKey(await File.ReadAllTextAsync(Path.Combine(options.OutputDirectory, "tls.key")));
        Assert.True(key.PublicKeyMatches(chain[0]));
        Assert.Equal(KeyAlgorithm.Ecdsa, key.Algorithm);
        Assert.Equal(["a.example.com", "b.example.com"], CertificateInfo.FromCertificate(chain[0]).SubjectAltNames.DnsNames.Order());
        var verdict = ChainVerifier.Verify(chain[0], chain.Skip(1), [await pebble.GetRootAsync(0)]);
        Assert.True(verdict.Ok, verdict.Error);
        Assert.Contains("new key", stdout, StringComparison.Ordinal);

        var again = await RunAsync(options with { KeyType = "rsa2048" });
        Assert.True(again.Code == 0, again.Stderr);
        Assert.Contains("existing key", again.Stdout, StringComparison.Ordinal);
        Assert.Equal(AccountLine(stdout), AccountLine(again.Stdout));
        using var rsa = PemCodec.DecodePrivateKey(await File.ReadAllTextAsync(Path.Combine(options.OutputDirectory, "tls.key")));
        Assert.Equal(KeyAlgorithm.Rsa, rsa.Algorithm);
    }

    [SkippableFact]
    public async Task RevokeByCertificateKeyAndByAccountKeyShowsInPebble()
    {
        var missing = ExternalTool.MissingReason("pebble", "pebble");
        Skip.If(missing is not null, missing);
        await using var pebble = await PebbleFixture.StartAsync(new PebbleOptions { StartHttp01Responder = false });
        var caBundle = WriteCaBundle(pebble);
        var first = new CertifyOptions
        {
            Server = pebble.DirectoryUrl,
            CaBundleFile = caBundle,
            Domains = ["revoke-1.example.com"],
            Http01Listen = $"127.0.0.1:{pebble.HttpPort}",
            OutputDirectory = Path.Combine(_work, "one"),
        };
        Assert.Equal(0, (await RunAsync(first)).Code);
        var second = first with { Domains = ["revoke-2.example.com"], OutputDirectory = Path.Combine(_work, "two") };
        Assert.Equal(0, (await RunAsync(second)).Code);

        var byKey = await RevokeAsync(new RevokeOptions
        {
            Server = pebble.DirectoryUrl,
            CaBundleFile = caBundle,
            CertificateFile = Path.Combine(first.OutputDirectory, "tls.crt"),
            CertificateKeyFile = Path.Combine(first.OutputDirectory, "tls.key"),
            Reason = "keyCompromise",
        });
        Assert.True(byKey.Code == 0, byKey.Stderr);
        var byAccount = await RevokeAsync(new RevokeOptions
        {
            Server = pebble.DirectoryUrl,
            CaBundleFile = caBundle,
            CertificateFile = Path.Combine(second.OutputDirectory, "tls.crt"),
            AccountKeyFile = second.EffectiveAccountKeyFile,
            Reason = "5",
        });
        Assert.True(byAccount.Code == 0, byAccount.Stderr);

        var status1 = await pebble.GetCertStatusAsync(Serial(first));
        Assert.Equal("Revoked", status1.Status);
        Assert.Equal(1, status1.Reason);
        var status2 = await pebble.GetCertStatusAsync(Serial(second));
        Assert.Equal("Revoked", status2.Status);
        Assert.Equal(5, status2.Reason);

        var twice = await RevokeAsync(new RevokeOptions
        {
            Server = pebble.DirectoryUrl,
            CaBundleFile = caBundle,
            CertificateFile = Path.Combine(first.OutputDirectory, "tls.crt"),
            CertificateKeyFile = Path.Combine(first.OutputDirectory, "tls.key"),
        });
        Assert.Equal(ExitCodes.Failed, twice.Code);
        Assert.Contains("alreadyRevoked", twice.Stderr, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task UntrustedServerFailsWithAClearTlsMessage()
    {
        var missing = ExternalTool.MissingReason("pebble", "pebble");
        Skip.If(missing is not null, missing);
        await using var pebble = await PebbleFixture.StartAsync(new PebbleOptions { StartHttp01Responder = false });
        var (code, _, stderr) = await RunAsync(new CertifyOptions
        {
            Server = pebble.DirectoryUrl,
            Domains = ["tls.example.com"],
            Http01Listen = $"127.0.0.1:{pebble.HttpPort}",
            OutputDirectory = Path.Combine(_work, "tls"),
        });
        Assert.Equal(ExitCodes.Failed, code);
        Assert.StartsWith("error: TLS", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_work, "tls", "tls.crt")));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private string WriteCaBundle(PebbleFixture pebble)
    {
        var path = Path.Combine(_work, "pebble-ca.pem");
        File.WriteAllText(path, pebble.TlsCaPem);
        return path;
    }

    private static string Serial(CertifyOptions options) =>
        CertificateInfo.FromPem(File.ReadAllText(Path.Combine(options.OutputDirectory, "tls.crt"))).SerialNumberHex;

    private static string AccountLine(string stdout) =>
        stdout.Split('\n').First(l => l.StartsWith("account ", StringComparison.Ordinal)).Split(' ')[1];

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(CertifyOptions options)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CertifyRunner.RunAsync(options, stdout, stderr, null, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RevokeAsync(RevokeOptions options)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await RevokeRunner.RunAsync(options, stdout, stderr, CancellationToken.None);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
