using K8sCertOperator.Cli;
using K8sCertOperator.Cli.Standalone;
using K8sCertOperator.Cli.Standalone.Renew;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Pki;

namespace K8sCertOperator.IntegrationTests.Cli;

/// <summary>
/// A renewal interrupted while the new files are written (a hook into the writer fails on cue, after the certificate
/// was issued by a real Pebble) leaves the previous certificate, key and CA intact and runs no deploy hook.
/// </summary>
public sealed class CertifyRenewInterruptionTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("certify-interrupt-").FullName;

    public static TheoryData<AtomicFileSetStep, string> Interruptions => new()
    {
        { AtomicFileSetStep.WriteTemporary, CertificateFiles.Key },
        { AtomicFileSetStep.Replace, CertificateFiles.Key },
        { AtomicFileSetStep.Replace, CertificateFiles.Ca },
    };

    [SkippableTheory]
    [MemberData(nameof(Interruptions))]
    public async Task An_interrupted_write_leaves_the_old_files_intact(AtomicFileSetStep step, string file)
    {
        var missing = ExternalTool.MissingReason("pebble", "pebble");
        Skip.If(missing is not null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var pebble = await PebbleFixture.StartAsync(new PebbleOptions { StartHttp01Responder = false }, cts.Token);
        var marker = Path.Combine(_work, "deployed");
        var options = new RenewOptions
        {
            Certify = new CertifyOptions
            {
                Server = pebble.DirectoryUrl,
                CaBundleFile = CertifyProcess.WriteCaBundle(pebble, _work),
                Domains = ["interrupted.example.com"],
                Http01Listen = $"127.0.0.1:{pebble.HttpPort}",
                OutputDirectory = Path.Combine(_work, "out"),
            },
            DeployHook = $"touch '{marker}'",
        };
        var (code, output) = await RunAsync(options, null, cts.Token);
        Assert.True(code == ExitCodes.Renewed, output);
        File.Delete(marker);
        var before = Files(options.Certify.OutputDirectory);
        var leaf = CertificateInfo.FromPem(before[CertificateFiles.Certificate]);
        var interrupted = new AtomicFileSet
        {
            BeforeStep = (s, name) =>
            {
                if (s == step && name == file)
                {
                    throw new IOException($"simulated failure before {s} of {name}");
                }
            },
        };

        (code, output) = await RunAsync(options with { Now = leaf.NotAfter.AddDays(-1) }, interrupted, cts.Token);

        Assert.True(code == ExitCodes.Failed, output);
        Assert.Contains($"error: simulated failure before {step} of {file}", output, StringComparison.Ordinal);
        Assert.Contains("renewing: ", output, StringComparison.Ordinal);
        Assert.Equal(before, Files(options.Certify.OutputDirectory));
        Assert.False(File.Exists(marker), "the deploy hook ran after a failed write");
        using var key = PemCodec.DecodePrivateKey(before[CertificateFiles.Key]);
        Assert.True(key.PublicKeyMatches(PemCodec.DecodeCertificates(before[CertificateFiles.Certificate])[0]));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    /// <summary>Every file in the folder (leftover temporary files would show up here) with its content.</summary>
    private static Dictionary<string, string> Files(string directory) =>
        Directory.GetFiles(directory).ToDictionary(f => Path.GetFileName(f)!, File.ReadAllText);

    private static async Task<(int Code, string Output)> RunAsync(RenewOptions options, AtomicFileSet? files, CancellationToken ct)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await CertifyRenewRunner.RunAsync(options, stdout, stderr, null, ct, files);
        return (code, stdout.ToString() + stderr);
    }
}
