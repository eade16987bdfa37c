using System.Globalization;
using System.Security.Cryptography.X509Certificates;
using K8sCertOperator.Cli;
using K8sCertOperator.IntegrationTests.Fixtures;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Cli;

/// <summary>
/// `certify renew` with ARI (RFC 9773) end to end, the executable as cron runs it: against the pebble on PATH when it
/// offers renewalInfo and the new challenges, else against the in-process ACME double (<see cref="AcmeServerUnderTest"/>
/// says which in the output). DNS-01 records go through the real bind9 either way.
/// </summary>
public sealed class CertifyRenewAriTests : IClassFixture<Bind9Fixture>, IDisposable
{
    private const string Name = "ari-renew.example.com";
    private readonly Bind9Fixture _bind;
    private readonly ITestOutputHelper _output;
    private readonly string _work = Directory.CreateTempSubdirectory("certify-ari-").FullName;

    public CertifyRenewAriTests(Bind9Fixture bind, ITestOutputHelper output)
    {
        _bind = bind;
        _output = output;
    }

    [SkippableFact]
    public async Task With_ari_the_window_decides_and_replaces_is_sent()
    {
        Skip.If(_bind.SkipReason is not null, _bind.SkipReason);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await using var acme = await AcmeServerUnderTest.StartAsync(_bind, cts.Token);
        _output.WriteLine(acme.Description);
        var output = Path.Combine(_work, "out");
        var marker = Path.Combine(_work, "deployed");
        string[] common = [.. CertifyProcess.Against(acme, _work, output, Name), "--challenge", "dns-01", .. CertifyProcess.Rfc2136(_bind, _work)];
        string[] renew = ["certify", "renew", .. common, "--deploy-hook", $"echo \"$CERTIFY_DOMAINS\" >> '{marker}'"];

        var first = await CertifyProcess.RunAsync(_work, cts.Token, ["certify", .. common]);
        Assert.True(first.Code == ExitCodes.Ok, first.Output);
        var orders = acme.NewOrderCount;
        using var old = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(output, "tls.crt"), cts.Token));
        var oldCertId = AcmeServerUnderTest.CertId(old);

        // Before the window the CA suggests (two thirds into the lifetime): nothing ordered, nothing deployed.
        var notDue = await CertifyProcess.RunAsync(_work, cts.Token, renew);

        Assert.True(notDue.Code == ExitCodes.NotDue, notDue.Output);
        Assert.Contains("not due: the CA suggests renewing between", notDue.Output, StringComparison.Ordinal);
        Assert.Equal(orders, acme.NewOrderCount);
        Assert.False(File.Exists(marker), "the deploy hook ran although nothing was renewed");
        if (acme.Double is { } asked)
        {
            Assert.Contains(oldCertId, asked.RenewalInfoRequests);
        }

        // The window opens: the double moves it into the past (as a CA asking for early replacement does); a
        // Pebble's own window is passed with the hidden --now.
        var due = acme.Double is { } moved
            ? await RunWithWindowAsync(moved, renew, cts.Token)
            : await CertifyProcess.RunAsync(_work, cts.Token, [.. renew, "--now", old.NotAfter.ToUniversalTime().AddSeconds(-1).ToString("o", CultureInfo.InvariantCulture)]);

        Assert.True(due.Code == ExitCodes.Renewed, due.Output);
        Assert.Contains("renewing: the CA's renewal window", due.Output, StringComparison.Ordinal);
        Assert.Contains("; replaces " + oldCertId, due.Output, StringComparison.Ordinal);
        Assert.Equal(orders + 1, acme.NewOrderCount);
        if (acme.Double is { } seen)
        {
            Assert.Equal(oldCertId, seen.NewOrderRequests.Last().Replaces);
        }
        Assert.Equal([Name], await File.ReadAllLinesAsync(marker, cts.Token));
        using var renewed = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(output, "tls.crt"), cts.Token));
        Assert.NotEqual(old.SerialNumber, renewed.SerialNumber);

        // The new certificate's window lies ahead again: the next cron run does nothing.
        var again = await CertifyProcess.RunAsync(_work, cts.Token, renew);

        Assert.True(again.Code == ExitCodes.NotDue, again.Output);
        Assert.Equal(orders + 1, acme.NewOrderCount);
        Assert.Single(await File.ReadAllLinesAsync(marker, cts.Token));
    }

    public void Dispose() => Directory.Delete(_work, recursive: true);

    private async Task<(int Code, string Output)> RunWithWindowAsync(Fixtures.AcmeDouble.AcmeDoubleServer acme, string[] renew, CancellationToken ct)
    {
        acme.RenewalWindow = (DateTimeOffset.UtcNow.AddHours(-2), DateTimeOffset.UtcNow.AddHours(-1));
        try
        {
            return await CertifyProcess.RunAsync(_work, ct, renew);
        }
        finally
        {
            acme.RenewalWindow = null;
        }
    }
}
