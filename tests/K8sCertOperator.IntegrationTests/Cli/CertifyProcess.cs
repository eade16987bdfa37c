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

    /// <summary>
    /// The options every run against <paramref name="server"/> needs (Pebble or the ACME double); the server's HTTPS CA,
    /// when it has one, is written into <paramref name="workDirectory"/> for --ca-bundle.
    /// </summary>
    public static string[] Against(AcmeServerUnderTest server, string workDirectory, string output, params string[] domains)
    {
        ArgumentNullException.ThrowIfNull(server);
        string[] tls = [];
        if (server.TlsCaPem is { } pem)
        {
            var bundle = Path.Combine(workDirectory, "acme-server-ca.pem");
            File.WriteAllText(bundle, pem);
            tls = ["--ca-bundle", bundle];
        }
        return ["--server", server.DirectoryUrl.ToString(), .. tls, "--out", output, .. domains.SelectMany(d => new[] { "-d", d })];
    }

    /// <summary>The RFC 2136 options that send records to <paramref name="bind"/>; its TSIG secret goes to a file in <paramref name="workDirectory"/>.</summary>
    public static string[] Rfc2136(Bind9Fixture bind, string workDirectory)
    {
        ArgumentNullException.ThrowIfNull(bind);
        var secret = Path.Combine(workDirectory, "tsig.secret");
        File.WriteAllText(secret, Convert.ToBase64String(bind.TsigSecret));
        return ["--dns01-rfc2136", bind.Nameserver, "--tsig-key-name", bind.TsigKeyName, "--tsig-algorithm", bind.TsigAlgorithm, "--tsig-secret-file", secret];
    }

    /// <summary>Writes Pebble's HTTPS CA where --ca-bundle can read it.</summary>
    public static string WriteCaBundle(PebbleFixture pebble, string directory)
    {
        var path = Path.Combine(directory, "pebble-ca.pem");
        File.WriteAllText(path, pebble.TlsCaPem);
        return path;
    }
}
