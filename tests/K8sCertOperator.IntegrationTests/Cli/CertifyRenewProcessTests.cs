using System.Globalization;
using K8sCertOperator.Acme.Jws;
using K8sCertOperator.Cli;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Pki;

namespace K8sCertOperator.IntegrationTests.Cli;

/// <summary>
/// `certify renew` as cron runs it: the executable against a real Pebble. Pebble 2.4 offers no ARI, so there the
/// two-thirds rule decides; against a Pebble that offers renewalInfo the ARI window does, and `replaces` is sent.
/// The ARI window itself is tested end to end, against the ACME double when Pebble lacks ARI, by <see cref="CertifyRenewAriTests"/>.
/// </summary>
public sealed class CertifyRenewProcessTests : IDisposable
{
    private const string Name = "renew.example.com";
    private readonly string _work = Directory.CreateTempSubdirectory("certify-renew-").FullName;

    [SkippableFact]
    public async Task Renews_only_when_due_runs_the_hook_once_and_replaces_the_files()
    {
        var missing = ExternalTool.MissingReason("pebble", "pebble");
        Skip.If(missing is not null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var pebble = await PebbleFixture.StartAsync(new PebbleOptions { StartHttp01Responder = false, NonceRejectPercent = 0 }, cts.Token); // new-order POSTs are counted: a rejected nonce would count twice
        var ari = await OffersAriAsync(pebble);
        var output = Path.Combine(_work, "out");
        var marker = Path.Combine(_work, "deployed");
        var common = CertifyProcess.Against(pebble, CertifyProcess.WriteCaBundle(pebble, _work), output, Name);
        string[] renew = ["certify", "renew", .. common, "--http01-listen", $"127.0.0.1:{pebble.HttpPort}",
            "--deploy-hook", $"echo \"$CERTIFY_DOMAINS\" >> '{marker}'"];

        var first = await CertifyProcess.RunAsync(_work, cts.Token, ["certify", .. common, "--http01-listen", $"127.0.0.1:{pebble.HttpPort}"]);
        Assert.True(first.Code == ExitCodes.Ok, first.Output);
        var ordersAfterIssue = pebble.CountRequests("POST", PebbleFixture.NewOrderPath);
        Assert.True(ordersAfterIssue >= 1, "Pebble's log shows no newOrder; it cannot tell whether renew ordered:\n" + pebble.Output);
        var accountLookups = pebble.CountRequests("POST", PebbleFixture.NewAccountPath);
        var before = Snapshot(output);

        var notDue = await CertifyProcess.RunAsync(_work, cts.Token, renew);

        Assert.True(notDue.Code == ExitCodes.NotDue, notDue.Output);
        Assert.Contains("not due: ", notDue.Output, StringComparison.Ordinal);
        Assert.Contains(ari ? "the CA suggests renewing between" : "two thirds into its lifetime", notDue.Output, StringComparison.Ordinal);
        Assert.Equal(ordersAfterIssue, pebble.CountRequests("POST", PebbleFixture.NewOrderPath));
        Assert.Equal(accountLookups, pebble.CountRequests("POST", PebbleFixture.NewAccountPath));
        Assert.False(File.Exists(marker), "the deploy hook ran although nothing was renewed");
        Assert.Equal(before, Snapshot(output));

        // Nine tenths into the lifetime: past two thirds, and past any ARI window a CA would suggest.
        var leaf = CertificateInfo.FromPem(before[0]);
        var late = leaf.NotBefore + (leaf.NotAfter - leaf.NotBefore) * 0.9;
        var due = await CertifyProcess.RunAsync(_work, cts.Token, [.. renew, "--now", late.ToString("o", CultureInfo.InvariantCulture)]);

        Assert.True(due.Code == ExitCodes.Renewed, due.Output + pebble.Output);
        Assert.Contains("renewing: ", due.Output, StringComparison.Ordinal);
        Assert.Equal(ordersAfterIssue + 1, pebble.CountRequests("POST", PebbleFixture.NewOrderPath));
        Assert.Equal([Name], await File.ReadAllLinesAsync(marker, cts.Token));
        var after = Snapshot(output);
        Assert.NotEqual(before[0], after[0]);
        Assert.NotEqual(before[1], after[1]);
        Assert.NotEqual(leaf.SerialNumberHex, CertificateInfo.FromPem(after[0]).SerialNumberHex);
        using (var key = PemCodec.DecodePrivateKey(after[1]))
        {
            Assert.True(key.PublicKeyMatches(PemCodec.DecodeCertificates(after[0])[0]));
        }
        Assert.Equal(ari, due.Output.Contains("; replaces ", StringComparison.Ordinal));
        Assert.Equal(["account.key", "ca.crt", "tls.crt", "tls.key"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var again = await CertifyProcess.RunAsync(_work, cts.Token, renew);

        Assert.True(again.Code == ExitCodes.NotDue, again.Output);
        Assert.Single(await File.ReadAllLinesAsync(marker, cts.Token));
    }

    [SkippableFact]
    public async Task A_failing_deploy_hook_fails_the_run_after_the_new_files_are_in_place()
    {
        var missing = ExternalTool.MissingReason("pebble", "pebble");
        Skip.If(missing is not null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await using var pebble = await PebbleFixture.StartAsync(new PebbleOptions { StartHttp01Responder = false, NonceRejectPercent = 0 }, cts.Token); // new-order POSTs are counted: a rejected nonce would count twice
        var output = Path.Combine(_work, "hook");
        string[] renew = ["certify", "renew", .. CertifyProcess.Against(pebble, CertifyProcess.WriteCaBundle(pebble, _work), output, Name),
            "--http01-listen", $"127.0.0.1:{pebble.HttpPort}", "--deploy-hook", "echo reload failed >&2; exit 3"];

        var (code, text) = await CertifyProcess.RunAsync(_work, cts.Token, renew);

        Assert.True(code == ExitCodes.Failed, text);
        Assert.Contains("reload failed", text, StringComparison.Ordinal);
        Assert.Contains("error: the certificate was renewed, but --deploy-hook exited with 3", text, StringComparison.Ordinal);
        Assert.Contains(Name, CertificateInfo.FromPem(await File.ReadAllTextAsync(Path.Combine(output, "tls.crt"), cts.Token)).SubjectAltNames.DnsNames);
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private static async Task<bool> OffersAriAsync(PebbleFixture pebble)
    {
        using var http = pebble.CreateHttpClient();
        using var key = JwsSigners.CreateEs256();
        return (await pebble.CreateClient(http, key).GetDirectoryAsync(CancellationToken.None)).RenewalInfo is not null;
    }

    private static string[] Snapshot(string output) =>
        [.. new[] { "tls.crt", "tls.key", "ca.crt" }.Select(f => File.ReadAllText(Path.Combine(output, f)))];
}
