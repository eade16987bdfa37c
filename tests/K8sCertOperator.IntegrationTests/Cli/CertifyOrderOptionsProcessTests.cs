using System.Buffers.Text;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Cli;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Pki;

namespace K8sCertOperator.IntegrationTests.Cli;

/// <summary>certify's --profile, --challenge and EAB flags, run as the executable against a real Pebble.</summary>
public sealed class CertifyOrderOptionsProcessTests : IDisposable
{
    private const ulong ShortLivedSeconds = 6 * 24 * 3600;
    private readonly string _work = Directory.CreateTempSubdirectory("certify-flags-").FullName;

    [SkippableFact]
    public async Task A_profile_the_ca_does_not_offer_fails_with_the_offered_list_and_orders_nothing()
    {
        var missing = ExternalTool.MissingReason("pebble", "pebble");
        Skip.If(missing is not null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var pebble = await StartProfilePebbleAsync(cts.Token);
        var offered = await OfferedProfilesAsync(pebble);

        var (code, output) = await CertifyProcess.RunAsync(_work, cts.Token,
        [
            "certify", .. CertifyProcess.Against(pebble, CertifyProcess.WriteCaBundle(pebble, _work), Path.Combine(_work, "out"), "profile.example.com"),
            "--http01-listen", $"127.0.0.1:{pebble.HttpPort}", "--profile", "no-such-profile",
        ]);

        Assert.True(code == ExitCodes.Failed, output);
        Assert.Contains(offered.Count == 0
            ? "error: the ACME server offers no profiles (its directory has no meta.profiles), so profile 'no-such-profile' cannot be requested"
            : $"error: the ACME server does not offer profile 'no-such-profile'; it offers: {string.Join(", ", offered.Order(StringComparer.Ordinal))}",
            output, StringComparison.Ordinal);
        Assert.Equal(0, pebble.CountRequests("POST", PebbleFixture.NewAccountPath));
        Assert.Equal(0, pebble.CountRequests("POST", PebbleFixture.NewOrderPath));
        Assert.False(File.Exists(Path.Combine(_work, "out", "tls.crt")));
    }

    [SkippableFact]
    public async Task An_offered_profile_is_ordered()
    {
        var missing = ExternalTool.MissingReason("pebble", "pebble");
        Skip.If(missing is not null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var pebble = await StartProfilePebbleAsync(cts.Token);
        Skip.IfNot((await OfferedProfilesAsync(pebble)).Contains("shortlived"),
            "the pebble on PATH offers no ACME profiles (Pebble 2.4); the refusal of an unknown profile is tested against it, ordering one needs current Pebble");
        var output = Path.Combine(_work, "out");

        var (code, text) = await CertifyProcess.RunAsync(_work, cts.Token,
        [
            "certify", .. CertifyProcess.Against(pebble, CertifyProcess.WriteCaBundle(pebble, _work), output, "shortlived.example.com"),
            "--http01-listen", $"127.0.0.1:{pebble.HttpPort}", "--profile", "shortlived", "--challenge", "http-01",
        ]);

        Assert.True(code == ExitCodes.Ok, text + pebble.Output);
        var leaf = CertificateInfo.FromPem(await File.ReadAllTextAsync(Path.Combine(output, "tls.crt"), cts.Token));
        Assert.InRange((leaf.NotAfter - leaf.NotBefore).TotalSeconds, ShortLivedSeconds - 5, ShortLivedSeconds + 5);
    }

    [SkippableFact]
    public async Task Eab_flags_create_the_account_and_a_key_too_short_for_the_algorithm_is_refused_before_any_request()
    {
        var missing = ExternalTool.MissingReason("pebble", "pebble");
        Skip.If(missing is not null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var shortKey = Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));
        var longKey = Base64Url.EncodeToString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(64));
        await using var pebble = await PebbleFixture.StartAsync(new PebbleOptions
        {
            StartHttp01Responder = false,
            ExternalAccountBindingRequired = true,
            ExternalAccountMacKeys = new Dictionary<string, string> { ["kid-short"] = shortKey, ["kid-long"] = longKey },
        }, cts.Token);
        var caBundle = CertifyProcess.WriteCaBundle(pebble, _work);
        string[] Run(string keyId, string key, string algorithm, string output)
        {
            var keyFile = Path.Combine(_work, keyId + ".key");
            File.WriteAllText(keyFile, key + "\n");
            return
            [
                "certify", .. CertifyProcess.Against(pebble, caBundle, Path.Combine(_work, output), "eab.example.com"),
                "--http01-listen", $"127.0.0.1:{pebble.HttpPort}",
                "--eab-kid", keyId, "--eab-hmac-key-file", keyFile, "--eab-algorithm", algorithm,
            ];
        }

        var refused = await CertifyProcess.RunAsync(_work, cts.Token, Run("kid-short", shortKey, "HS512", "short"));

        Assert.True(refused.Code == ExitCodes.Usage, refused.Output);
        Assert.Contains("error: --eab-hmac-key-file: the EAB MAC key for key id 'kid-short' is 32 bytes, but HS512 needs at least 64 (RFC 7518 §3.2)", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(shortKey, refused.Output, StringComparison.Ordinal);
        Assert.Equal(0, pebble.CountRequests("POST", PebbleFixture.NewAccountPath));

        var created = await CertifyProcess.RunAsync(_work, cts.Token, Run("kid-long", longKey, "HS512", "long"));

        Assert.True(created.Code == ExitCodes.Ok, created.Output + pebble.Output);
        Assert.True(File.Exists(Path.Combine(_work, "long", "tls.crt")));
        Assert.True(pebble.CountRequests("POST", PebbleFixture.NewAccountPath) >= 1);
    }

    [Fact]
    public async Task Dns_account_01_without_a_dns_provider_is_a_clear_usage_error()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));

        var (code, output) = await CertifyProcess.RunAsync(_work, cts.Token,
            "certify", "--server", "https://127.0.0.1:9/dir", "-d", "a.example.com", "--out", Path.Combine(_work, "out"),
            "--http01-listen", "127.0.0.1:1", "--challenge", "dns-account-01");

        Assert.Equal(ExitCodes.Usage, code);
        Assert.Contains("error: --challenge dns-account-01 needs --dns01-rfc2136 HOST:PORT or --dns01-config FILE", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_work, "out")));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static Task<PebbleFixture> StartProfilePebbleAsync(CancellationToken ct) =>
        PebbleFixture.StartAsync(new PebbleOptions
        {
            StartHttp01Responder = false,
            Profiles = new Dictionary<string, ulong> { ["default"] = 90 * 24 * 3600, ["shortlived"] = ShortLivedSeconds },
        }, ct);

    private static async Task<IReadOnlyCollection<string>> OfferedProfilesAsync(PebbleFixture pebble)
    {
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();
        var directory = await pebble.CreateClient(http, key).GetDirectoryAsync(CancellationToken.None);
        return directory.Meta?.Profiles?.Keys.ToList() ?? [];
    }
}
