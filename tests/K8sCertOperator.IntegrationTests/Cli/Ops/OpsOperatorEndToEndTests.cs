using K8sCertOperator.Api;
using K8sCertOperator.Cli;
using K8sCertOperator.Cli.Ops;
using K8sCertOperator.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Cli.Ops;

/// <summary>renew and revoke NAME with the whole operator running against real Pebble.</summary>
public sealed class OpsOperatorEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task RenewIssuesANewRevisionAndRevokeByNameRevokesAtPebbleThenReissues()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = cts.Token;
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.EndToEnd, ct);
        await h.StartOperatorAsync(ct);
        await h.CreateAcmeIssuerAsync("pebble", ct);
        await h.CreateCertificateAsync("ops", "pebble", ["ops.example.com"], ct);
        await h.WaitCertificateReadyAsync("ops", 1, Patience, ct);
        var firstSerial = await SerialAsync(h, ct);

        // status shows the valid Order and the Certificate's Events.
        using (var json = new StringWriter())
        {
            Assert.Equal(ExitCodes.Ok, await StatusCommand.RunAsync(h.Env.Client, h.Namespace, "ops", "json", json, TextWriter.Null, ct));
            output.WriteLine(json.ToString());
            var report = System.Text.Json.Nodes.JsonNode.Parse(json.ToString())!;
            Assert.Equal("valid", report["order"]!["state"]!.GetValue<string>());
            // The Order controller deletes Challenges once the Order is final; the Events remain.
            Assert.Contains(report["events"]!.AsArray(), e => e!["reason"]!.GetValue<string>() == "OrderCreated");
            Assert.True(report["secret"]!["keyMatchesCertificate"]!.GetValue<bool>());
        }

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var renewed = await RenewCommand.RunAsync(h.Env.Client, h.Namespace, ["ops"], false, null, TimeProvider.System, stdout, stderr, ct);
        Assert.True(renewed == ExitCodes.Ok, stderr.ToString());
        await h.WaitCertificateReadyAsync("ops", 2, Patience, ct);

        // Revision 1's Events are all written by the time revision 2 is Ready: the user is told when it renews.
        using (var json = new StringWriter())
        {
            Assert.Equal(ExitCodes.Ok, await StatusCommand.RunAsync(h.Env.Client, h.Namespace, "ops", "json", json, TextWriter.Null, ct));
            var events = System.Text.Json.Nodes.JsonNode.Parse(json.ToString())!["events"]!.AsArray();
            Assert.Contains(events, e => e!["reason"]!.GetValue<string>() == ConditionReasons.Issued
                && e["message"]!.GetValue<string>().Contains("; renewal scheduled for ", StringComparison.Ordinal));
        }
        var secondSerial = await SerialAsync(h, ct);
        Assert.NotEqual(firstSerial, secondSerial);

        var revoked = await CertificateRevoker.RunAsync(h.Env.Client, h.Namespace, "ops", reason: 4, reissue: true, h.Namespace,
            TimeProvider.System, stdout, stderr, ct);
        Assert.True(revoked == ExitCodes.Ok, stderr.ToString());
        var status = await h.Pebble.GetCertStatusAsync(secondSerial, ct);
        Assert.Equal("Revoked", status.Status);
        Assert.Equal(4, status.Reason);

        // Re-issued: the Secret no longer holds the revoked certificate, so the Revoked condition is gone.
        var reissued = await h.WaitCertificateReadyAsync("ops", 3, Patience, ct);
        Assert.NotEqual(secondSerial, await SerialAsync(h, ct));
        output.WriteLine(stdout.ToString());
        Assert.Null(ConditionSet.Find(reissued.Status!.Conditions, ConditionTypes.Revoked));

        // keyCompromise without re-issue: the key is emptied in the Secret (a real API server refuses a TLS Secret
        // without a tls.key entry), so the next certificate gets a new key.
        var thirdSerial = await SerialAsync(h, ct);
        var oldKey = await KeyAsync(h, ct);
        var compromised = await CertificateRevoker.RunAsync(h.Env.Client, h.Namespace, "ops", CertificateRevoker.KeyCompromise, reissue: false, h.Namespace,
            TimeProvider.System, stdout, stderr, ct);
        Assert.True(compromised == ExitCodes.Ok, stderr.ToString());
        var third = await h.Pebble.GetCertStatusAsync(thirdSerial, ct);
        Assert.Equal("Revoked", third.Status);
        Assert.Equal(CertificateRevoker.KeyCompromise, third.Reason);
        var rekeyed = await h.WaitCertificateReadyAsync("ops", 4, Patience, ct);
        Assert.NotEqual(oldKey, await KeyAsync(h, ct));
        Assert.Null(ConditionSet.Find(rekeyed.Status!.Conditions, ConditionTypes.Revoked));

        // --no-reissue with the key kept: the revoked certificate stays in the Secret, and so does the condition.
        var fourthSerial = await SerialAsync(h, ct);
        var superseded = await CertificateRevoker.RunAsync(h.Env.Client, h.Namespace, "ops", reason: 4, reissue: false, h.Namespace,
            TimeProvider.System, stdout, stderr, ct);
        Assert.True(superseded == ExitCodes.Ok, stderr.ToString());
        Assert.Equal("Revoked", (await h.Pebble.GetCertStatusAsync(fourthSerial, ct)).Status);
        var kept = await h.Apis.Certificates.GetAsync(h.Namespace, "ops", ct);
        var condition = ConditionSet.Find(kept!.Status!.Conditions, ConditionTypes.Revoked);
        Assert.NotNull(condition);
        Assert.Equal(ConditionStatus.True, condition.Status);
        Assert.Contains(fourthSerial, condition.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(fourthSerial, await SerialAsync(h, ct));
        Assert.Equal(4, kept.Status.Revision);
    }

    private static async Task<string?> KeyAsync(OperatorHarness h, CancellationToken ct)
    {
        var secret = await h.Apis.Secrets.GetAsync(h.Namespace, "ops-tls", ct);
        return secret?.Data?.TryGetValue("tls.key", out var key) == true ? System.Text.Encoding.UTF8.GetString(key) : null;
    }

    private static async Task<string> SerialAsync(OperatorHarness h, CancellationToken ct) =>
        (await h.IssuedCertificateAsync("ops-tls", ct)).SerialNumberHex;
}
