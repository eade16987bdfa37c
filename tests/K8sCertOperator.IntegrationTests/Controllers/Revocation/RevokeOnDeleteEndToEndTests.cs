using System.Globalization;
using K8sCertOperator.Api;
using K8sCertOperator.Controllers.Revocation;
using K8sCertOperator.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.Revocation;

/// <summary>spec.revocationPolicy RevokeOnDelete through the composed operator and real Pebble; the certificate gauges on /metrics.</summary>
public sealed class RevokeOnDeleteEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task DeletingARevokeOnDeleteCertificateRevokesItAtPebbleAndTheCertificateGoes()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = cts.Token;
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.EndToEnd, ct);
        await h.StartOperatorAsync(ct);
        await h.CreateAcmeIssuerAsync("pebble", ct);
        await h.CreateCertificateAsync("gone", "pebble", ["gone.example.com"], ct, s => s.RevocationPolicy = RevocationPolicies.RevokeOnDelete);

        var ready = await h.WaitForAsync(
            c => h.Apis.Certificates.GetAsync(h.Namespace, "gone", c),
            c => ConditionSet.IsTrue(c.Status?.Conditions, ConditionTypes.Ready) && c.Metadata.Finalizers?.Contains(RevocationFinalizer.Name) == true,
            Patience, "Certificate gone Ready with the revoke-on-delete finalizer", ct);
        var serial = (await h.IssuedCertificateAsync("gone-tls", ct)).SerialNumberHex;
        Assert.Equal("Valid", (await h.Pebble.GetCertStatusAsync(serial, ct)).Status);

        // The expiration series carries the certificate's notAfter.
        var series = $"k8scert_certificate_expiration_timestamp_seconds{{name=\"gone\",namespace=\"{h.Namespace}\",issuer_name=\"pebble\",issuer_kind=\"Issuer\",issuer_group=\"k8scert.io\"}}";
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{h.MonitoringPort}") };
        var expiration = MetricValue(await http.GetStringAsync("/metrics", ct), series);
        Assert.NotNull(expiration);
        Assert.Equal(new DateTimeOffset(DateTime.SpecifyKind(ready.Status!.NotAfter!.Value, DateTimeKind.Utc)).ToUnixTimeSeconds(), (long)expiration.Value);
        var exposition = await http.GetStringAsync("/metrics", ct);
        Assert.Equal(1, MetricValue(exposition, ReadySeries("k8scert_certificate_ready_status", h.Namespace, "True")));
        Assert.Equal(0, MetricValue(exposition, ReadySeries("k8scert_certificate_ready_status", h.Namespace, "False")));
        Assert.Equal(1, MetricValue(exposition, $"k8scert_issuer_ready_status{{name=\"pebble\",namespace=\"{h.Namespace}\",kind=\"Issuer\",condition=\"True\"}}"));

        await h.Apis.Certificates.DeleteAsync(h.Namespace, "gone", ct);

        await h.WaitForAsync<object>(async c => await h.Apis.Certificates.GetAsync(h.Namespace, "gone", c) is null ? new object() : null,
            _ => true, Patience, "Certificate gone deleted", ct);
        var status = await h.Pebble.GetCertStatusAsync(serial, ct);
        Assert.Equal("Revoked", status.Status);
        Assert.Equal(RevocationFinalizer.CessationOfOperation, status.Reason);

        // Its series leave /metrics with it.
        await h.WaitForAsync<object>(async c => MetricValue(await http.GetStringAsync("/metrics", c), series) is null ? new object() : null,
            _ => true, Patience, "expiration series removed", ct);
    }

    private static string ReadySeries(string metric, string ns, string condition) =>
        $"{metric}{{name=\"gone\",namespace=\"{ns}\",issuer_name=\"pebble\",issuer_kind=\"Issuer\",issuer_group=\"k8scert.io\",condition=\"{condition}\"}}";

    /// <summary>The value of one exact series line in Prometheus text format; null when absent.</summary>
    private static double? MetricValue(string exposition, string series)
    {
        foreach (var line in exposition.Split('\n'))
        {
            if (line.StartsWith(series + " ", StringComparison.Ordinal))
            {
                return double.Parse(line[(series.Length + 1)..].Trim(), CultureInfo.InvariantCulture);
            }
        }
        return null;
    }
}
