using K8sCertOperator.IntegrationTests.EndToEnd;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.TestSupport;

namespace K8sCertOperator.IntegrationTests.Cli;

/// <summary>
/// Runs `certify` as the shipped executable does (the NativeAOT publish under test.sh, else the apphost), against a
/// Pebble: exit code and output, as cron or a systemd timer would see them.
/// </summary>
internal static class CertifyProcess
{
    public static async Task<(int Code, string Output)> RunAsync(string workDirectory, CancellationToken cancellationToken, params string[] args) =>
        await ToolRunner.RunAsync(OperatorProcess.Binary(), workDirectory, cancellationToken, args).ConfigureAwait(false);

    /// <summary>The options every run against <paramref name="pebble"/> needs: server, its TLS CA, names, output folder.</summary>
    public static string[] Against(PebbleFixture pebble, string caBundle, string output, params string[] domains) =>
    [
        "--server", pebble.DirectoryUrl.ToString(),
        "--ca-bundle", caBundle,
        "--out", output,
        .. domains.SelectMany(d => new[] { "-d", d }),
    ];

    /// <summary>Writes Pebble's HTTPS CA where --ca-bundle can read it.</summary>
    public static string WriteCaBundle(PebbleFixture pebble, string directory)
    {
        var path = Path.Combine(directory, "pebble-ca.pem");
        File.WriteAllText(path, pebble.TlsCaPem);
        return path;
    }
}
