using System.Text.RegularExpressions;
using K8sCertOperator.Acme.Challenges;
using K8sCertOperator.Cli;
using K8sCertOperator.IntegrationTests.Acme;
using K8sCertOperator.IntegrationTests.EndToEnd;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Fixtures.AcmeDouble;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Pki;
using K8sCertOperator.Solvers.Dns01.Rfc2136;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Cli;

/// <summary>
/// `certify --challenge dns-persist-01 | dns-account-01`, the executable against the pebble on PATH when it offers
/// them, else the in-process ACME double (the output says which); records go through the real bind9.
/// </summary>
public sealed partial class CertifyDnsPersistTests : IClassFixture<Bind9Fixture>, IDisposable
{
    private readonly Bind9Fixture _bind;
    private readonly ITestOutputHelper _output;
    private readonly string _work = Directory.CreateTempSubdirectory("certify-persist-").FullName;

    public CertifyDnsPersistTests(Bind9Fixture bind, ITestOutputHelper output)
    {
        _bind = bind;
        _output = output;
    }

    [SkippableFact]
    public async Task With_a_provider_the_record_is_written_once_kept_and_a_second_issuance_touches_no_dns()
    {
        Skip.If(_bind.SkipReason is not null, _bind.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var acme = await StartAcmeAsync(cts.Token);
        var name = TestCsr.UniqueName("persist");
        string[] Run(string output) =>
        [
            "certify", .. CertifyProcess.Against(acme, _work, output, "*." + name, name), "--account-key", Path.Combine(_work, "account.key"),
            "--challenge", "dns-persist-01", .. CertifyProcess.Rfc2136(_bind, _work),
        ];

        var first = await CertifyProcess.RunAsync(_work, cts.Token, Run(Path.Combine(_work, "first")));

        Assert.True(first.Code == ExitCodes.Ok, first.Output);
        Assert.Contains("certify never deletes it", first.Output, StringComparison.Ordinal);
        var account = AccountUrl(first.Output);
        var kept = (await _bind.QueryTxtAsync(DnsPersistRecord.RecordName(name), cts.Token)).Select(v => DnsPersistRecord.Parse(v, out _)).ToList();
        Assert.NotEmpty(kept);
        Assert.All(kept, r => Assert.Equal(account, r?.AccountUri));
        Assert.Contains(kept, r => r?.Policy == DnsPersistRecord.WildcardPolicy);
        var serial = await _bind.SerialAsync(cts.Token);

        var second = await CertifyProcess.RunAsync(_work, cts.Token, Run(Path.Combine(_work, "second")));

        Assert.True(second.Code == ExitCodes.Ok, second.Output);
        Assert.Contains($"already stands at {DnsPersistRecord.RecordName(name)}; not writing it again", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("(kept after validation", second.Output, StringComparison.Ordinal);
        Assert.Equal(serial, await _bind.SerialAsync(cts.Token)); // the second issuance changed nothing in DNS
        AssertIssued(Path.Combine(_work, "second"), "*." + name, name);
    }

    [SkippableFact]
    public async Task Without_a_provider_certify_prints_the_record_waits_and_validates_once_it_is_published()
    {
        Skip.If(_bind.SkipReason is not null, _bind.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var acme = await StartAcmeAsync(cts.Token);
        var name = TestCsr.UniqueName("by-hand");
        var output = Path.Combine(_work, "out");
        var serial = await _bind.SerialAsync(cts.Token);
        await using var certify = ExternalProcess.Start(OperatorProcess.Binary(),
        [
            "certify", .. CertifyProcess.Against(acme, _work, output, name), "--challenge", "dns-persist-01",
            "--dns01-recursive-nameservers", _bind.Nameserver, "--dns01-recursive-nameservers-only", "--dns-persist-wait", "00:04:00",
        ], workingDirectory: _work);

        await certify.WaitForOutputAsync("  " + DnsPersistRecord.RecordName(name) + " TXT \"", TimeSpan.FromMinutes(2), cts.Token);
        var printed = RecordLine().Match(certify.Output);
        Assert.True(printed.Success, certify.Output);
        var (owner, value) = (printed.Groups["name"].Value, printed.Groups["value"].Value);
        Assert.Contains("publish this TXT record for " + name, certify.Output, StringComparison.Ordinal);
        var record = DnsPersistRecord.Parse(value, out var error);
        Assert.True(record is not null, error);
        Assert.Equal(AccountUrl(certify.Output), record.AccountUri);
        Assert.Null(record.Policy);
        Assert.False(certify.HasExited, certify.Output); // it waits for the record
        Assert.Equal(serial, await _bind.SerialAsync(cts.Token)); // and wrote nothing

        // The test publishes exactly what certify printed; certify sees it on the nameserver and answers the challenge.
        await new Rfc2136Provider(_bind.CreateRfc2136Settings()).PresentAsync(owner, value, cts.Token);
        var code = await certify.WaitForExitAsync(cts.Token);

        Assert.True(code == ExitCodes.Ok, certify.Output);
        AssertIssued(output, name);
    }

    [SkippableFact]
    public async Task Dns_account_01_validates_at_the_account_label_and_removes_the_record()
    {
        Skip.If(_bind.SkipReason is not null, _bind.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var acme = await StartAcmeAsync(cts.Token);
        var name = TestCsr.UniqueName("account-label");
        var output = Path.Combine(_work, "label");

        var (code, text) = await CertifyProcess.RunAsync(_work, cts.Token,
        [
            "certify", .. CertifyProcess.Against(acme, _work, output, name), "--challenge", "dns-account-01", .. CertifyProcess.Rfc2136(_bind, _work),
        ]);

        Assert.True(code == ExitCodes.Ok, text);
        AssertIssued(output, name);
        // Computed by the double's own label code, not the one under test.
        var owner = $"_{DoubleValidator.AccountLabel(AccountUrl(text))}._acme-challenge.{name}.";
        Assert.Empty(await _bind.QueryTxtAsync(owner, cts.Token));
        Assert.Empty(await _bind.QueryTxtAsync($"_acme-challenge.{name}.", cts.Token));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private async Task<AcmeServerUnderTest> StartAcmeAsync(CancellationToken ct)
    {
        var acme = await AcmeServerUnderTest.StartAsync(_bind, ct);
        _output.WriteLine(acme.Description);
        return acme;
    }

    private static string AccountUrl(string output)
    {
        var match = AccountLine().Match(output);
        Assert.True(match.Success, "certify printed no account line:\n" + output);
        return match.Groups["url"].Value;
    }

    private static void AssertIssued(string output, params string[] names)
    {
        var leaf = CertificateInfo.FromPem(File.ReadAllText(Path.Combine(output, "tls.crt")));
        Assert.Equal(names.Order(StringComparer.Ordinal), leaf.SubjectAltNames.DnsNames.Order(StringComparer.Ordinal));
    }

    [GeneratedRegex(@"^account (?<url>\S+) \(", RegexOptions.Multiline)]
    private static partial Regex AccountLine();

    [GeneratedRegex(@"^  (?<name>_validation-persist\.\S+) TXT ""(?<value>[^""]*)""\s*$", RegexOptions.Multiline)]
    private static partial Regex RecordLine();
}
