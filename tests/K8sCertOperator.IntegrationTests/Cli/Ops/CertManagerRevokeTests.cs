using K8sCertOperator.Api;
using K8sCertOperator.Cli;
using K8sCertOperator.Cli.Ops;
using K8sCertOperator.IntegrationTests.Controllers.ApiMode;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Cli.Ops;

/// <summary>
/// revoke NAME on a cert-manager.io Certificate issued through real Pebble by the operator in cert-manager mode:
/// the ACME account is the one of the cert-manager.io Issuer, and the re-issue is asked for the cmctl way.
/// </summary>
public sealed class CertManagerRevokeTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task RevokeByNameUsesTheCertManagerIssuersAccountAndReissues()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var h = await CertManagerModeHost.AcmeHarnessAsync(output, ct);
        await h.CreateAcmeIssuerAsync("pebble", ct);
        await h.CreateCertificateAsync("web", "pebble", ["web.example.com"], ct, spec => spec.IssuerRef.Group = ApiGroups.CertManager);
        await h.WaitCertificateReadyAsync("web", 1, Patience, ct);
        var serial = (await h.IssuedCertificateAsync("web-tls", ct)).SerialNumberHex;

        // status finds the acme.cert-manager.io Order through the request that owns it.
        using (var json = new StringWriter())
        {
            Assert.Equal(ExitCodes.Ok, await StatusCommand.RunAsync(h.Env.Client, h.Namespace, "web", "json", json, TextWriter.Null, ct, ApiModeChoice.CertManager));
            var report = System.Text.Json.Nodes.JsonNode.Parse(json.ToString())!;
            Assert.Equal("valid", (string?)report["order"]?["state"]);
            Assert.Contains(report["events"]!.AsArray(), e => (string?)e!["object"] == "Order/" + (string?)report["order"]!["name"]);
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await CertificateRevoker.RunAsync(h.Env.Client, h.Namespace, "web", reason: 4, reissue: true, h.Namespace,
            TimeProvider.System, stdout, stderr, ct, ApiModeChoice.Auto);
        output.WriteLine(stdout.ToString());

        Assert.True(exit == ExitCodes.Ok, stderr.ToString());
        var status = await h.Pebble.GetCertStatusAsync(serial, ct);
        Assert.Equal("Revoked", status.Status);
        Assert.Equal(4, status.Reason);
        // Re-issued through Issuing=True (ManuallyTriggered): a new certificate, and the Revoked condition is gone.
        var reissued = await h.WaitCertificateReadyAsync("web", 2, Patience, ct);
        Assert.NotEqual(serial, (await h.IssuedCertificateAsync("web-tls", ct)).SerialNumberHex);
        Assert.Null(ConditionSet.Find(reissued.Status!.Conditions, ConditionTypes.Revoked));
    }
}
