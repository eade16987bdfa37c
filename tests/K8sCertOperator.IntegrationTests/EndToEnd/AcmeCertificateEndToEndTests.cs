using System.Net;
using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Harness;
using K8sCertOperator.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.EndToEnd;

/// <summary>Issuer + Certificate in, a Ready kubernetes.io/tls Secret out, through real Pebble.</summary>
public sealed class AcmeCertificateEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task Http01CertificateIsIssuedReissuedWhenTheSecretIsLostAndWhenNamesChange()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = cts.Token;
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.EndToEnd, ct);
        await h.StartOperatorAsync(ct);
        await h.CreateAcmeIssuerAsync("pebble", ct);
        await h.CreateCertificateAsync("web", "pebble", ["web.example.com", "www.example.com"], ct);

        var ready = await h.WaitCertificateReadyAsync("web", 1, Patience, ct);
        var secret = await AssertSecretServesAsync(h, "web-tls", ["web.example.com", "www.example.com"], ct);
        Assert.Equal("web", secret.Metadata.Annotations[AnnotationKeys.CertificateName]);
        Assert.Equal(LabelKeys.ManagedByValue, secret.Metadata.Labels[LabelKeys.ManagedBy]);
        Assert.NotNull(ready.Status!.NotAfter);
        Assert.NotNull(ready.Status.RenewalTime);
        Assert.True(ready.Status.RenewalTime < ready.Status.NotAfter);

        // Secret lost: re-issued under the same name.
        await h.Apis.Secrets.DeleteAsync(h.Namespace, "web-tls", ct);
        await h.WaitCertificateReadyAsync("web", 2, Patience, ct);
        await AssertSecretServesAsync(h, "web-tls", ["web.example.com", "www.example.com"], ct);

        // Names changed: re-issued with the new set.
        var current = await h.Apis.Certificates.GetAsync(h.Namespace, "web", ct);
        current!.Spec.DnsNames = ["web.example.com", "api.example.com"];
        await h.Apis.Certificates.ReplaceAsync(current, ct);
        await h.WaitCertificateReadyAsync("web", 3, Patience, ct);
        await AssertSecretServesAsync(h, "web-tls", ["api.example.com", "web.example.com"], ct);

        // The solver Ingresses are gone once the challenges are done.
        var ingresses = await h.Apis.Ingresses.ListAsync(h.Namespace, null, ct);
        Assert.Empty(ingresses.Items);

        // Monitoring endpoints on the operator's health port.
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{h.MonitoringPort}") };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/readyz", ct)).StatusCode);
        Assert.Equal("leader", await http.GetStringAsync("/leader", ct));
        var samples = PrometheusExposition.Parse(await http.GetStringAsync("/metrics", ct));
        Assert.True(PrometheusExposition.Value(samples, "k8scert_controller_sync_call_count", ("controller", "certificates"), ("result", "success")) > 0);

        // Three revisions, so at least three orders created (201) and finalized (200) at this Pebble.
        var pebble = ("host", h.Pebble.DirectoryUrl.Authority);
        Assert.True(AcmeRequests(samples, "k8scert_acme_client_request_count", pebble, ("action", "new-order"), ("status", "201")) >= 3);
        Assert.True(AcmeRequests(samples, "k8scert_acme_client_request_count", pebble, ("action", "finalize"), ("status", "200")) >= 3);
        Assert.True(AcmeRequests(samples, "k8scert_acme_client_request_count", pebble, ("action", "directory"), ("method", "GET")) > 0);
        // Every counted request also has its duration observed.
        Assert.Equal(
            AcmeRequests(samples, "k8scert_acme_client_request_count", pebble, ("action", "new-order")),
            AcmeRequests(samples, "k8scert_acme_client_request_duration_seconds_count", pebble, ("action", "new-order")));
        // The action label stays within the closed set, whatever URLs the orders had.
        var actions = K8sCertOperator.Acme.Http.AcmeAction.All.Select(a => a.Label).ToHashSet(StringComparer.Ordinal);
        Assert.All(samples.Where(s => s.Name == "k8scert_acme_client_request_count"), s => Assert.Contains(s.Labels["action"], actions));
    }

    /// <summary>Sum over the series of <paramref name="metric"/> matching the labels (other labels summed over).</summary>
    private static double AcmeRequests(IReadOnlyList<PrometheusSample> samples, string metric, params (string Name, string Value)[] labels) =>
        samples.Where(s => s.Name == metric && s.Has(labels)).Sum(s => s.Value);

    [SkippableFact]
    public async Task ShortLivedCertificateIsRenewedAutomatically()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        // 30 s certificates: the default renewal point (two thirds of the lifetime) comes after ~20 s.
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.EndToEnd with { Pebble = new PebbleOptions { CertificateValidityPeriodSeconds = 30 } }, ct);
        await h.StartOperatorAsync(ct);
        await h.CreateAcmeIssuerAsync("pebble", ct);
        await h.CreateCertificateAsync("short", "pebble", ["short.example.com"], ct);

        var first = await h.WaitCertificateReadyAsync("short", 1, Patience, ct);
        var firstSerial = (await h.IssuedCertificateAsync("short-tls", ct)).SerialNumberHex;
        var renewed = await h.WaitCertificateReadyAsync("short", 2, Patience, ct);
        var secondSerial = (await h.IssuedCertificateAsync("short-tls", ct)).SerialNumberHex;
        Assert.NotEqual(firstSerial, secondSerial);
        Assert.True(renewed.Status!.NotAfter > first.Status!.NotAfter);
    }

    /// <summary>The harness's checks of an issued Secret, and the CA certificate is there too.</summary>
    private static async Task<k8s.Models.V1Secret> AssertSecretServesAsync(OperatorHarness h, string secretName, string[] names, CancellationToken ct)
    {
        var secret = await h.AssertSecretServesAsync(secretName, names, ct);
        Assert.True(secret.Data.ContainsKey("ca.crt"));
        return secret;
    }
}
