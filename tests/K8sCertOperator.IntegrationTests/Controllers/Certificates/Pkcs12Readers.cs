using K8sCertOperator.Api;
using K8sCertOperator.Pki.Keystores;
using K8sCertOperator.TestSupport;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Certificates;

/// <summary>
/// Real PKCS#12 readers for the Secrets' keystores: `openssl pkcs12 -info` (with -legacy for RC2) and, for the PBMAC1
/// of Modern2026, OpenSSL 3.4+ through <see cref="Pbmac1Reader"/>. A missing tool falls back to a weaker check and says so.
/// </summary>
internal static class Pkcs12Readers
{
    private static readonly string? OpenSslPath = new[] { "/usr/bin/openssl", "/usr/local/bin/openssl" }.FirstOrDefault(File.Exists);

    /// <summary>Reads a keystore.p12 (<paramref name="holdsKey"/>) or truststore.p12 with the real reader for its profile.</summary>
    public static async Task AssertReadsAsync(ITestOutputHelper output, byte[] p12, string password, string profile, bool holdsKey, CancellationToken ct)
    {
        if (profile == Pkcs12Profiles.Modern2026)
        {
            // PBMAC1 needs OpenSSL 3.4+; neither this machine's openssl nor the BCL reads it.
            Assert.Equal(Pbmac1Seal.Pbmac1Oid, PfxMacData.Read(p12).MacAlgorithm);
            if (await Pbmac1Reader.MissingReasonAsync() is { } missing)
            {
                output.WriteLine(missing + ": the PBMAC1 file is checked by its MacData only");
                return;
            }

            var (read, said) = await Pbmac1Reader.ReadAsync(p12, password, holdsKey, ct);
            Assert.True(read, said);
            return;
        }

        if (OpenSslPath is null)
        {
            output.WriteLine("openssl is not installed: the PKCS#12 files are checked by the BCL only");
            System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12Collection(p12, password);
            return;
        }

        var dir = Directory.CreateTempSubdirectory("p12-");
        try
        {
            await File.WriteAllBytesAsync(Path.Combine(dir.FullName, "store.p12"), p12, ct);
            // OpenSSL 3 keeps RC2 in its legacy provider.
            string[] legacy = profile == Pkcs12Profiles.LegacyRC2 ? ["-legacy"] : [];
            var (code, text) = await ToolRunner.RunAsync(OpenSslPath, dir.FullName, ct, ["pkcs12", "-info", "-in", "store.p12", "-passin", "pass:" + password, "-noout", .. legacy]);
            Assert.True(code == 0, text);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
