using System.Net;
using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Fixtures;
using K8sCertOperator.IntegrationTests.Infrastructure;
using K8sCertOperator.Pki;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.EndToEnd;

/// <summary>Issuer + Certificate in, a Ready kubernetes.io/tls Secret out, through real Pebble.</summary>
public sealed class AcmeCertificateEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    [SkippableFact]
    public async Task Http01CertificateIsIssuedReissuedWhenTheSecretIsLostAndWhenNamesChange()
    {
        var missing = OperatorEndToEndHarness.MissingReason();
        Skip.If(missing is not null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = cts.Token;
        await using var h = await OperatorEndToEndHarness.StartAsync(output, null, ct);
        await h.StartOperatorAsync(ct);
        await h.CreateAcmeIssuerAsync("pebble", ct);
        await h.CreateCertificateAsync("web", "pebble", ["web.example.com", "www.example.com"], ct);

        var ready = await WaitReadyAsync(h, "web", revision: 1, ct);
        var secret = await AssertSecretServesAsync(h, "web-tls", ["web.example.com", "www.example.com"], ct);
        Assert.Equal("web", secret.Metadata.Annotations[AnnotationKeys.CertificateName]);
        Assert.Equal(LabelKeys.ManagedByValue, secret.Metadata.Labels[LabelKeys.ManagedBy]);
        Assert.NotNull(ready.Status!.NotAfter);
        Assert.NotNull(ready.Status.RenewalTime);
        Assert.True(ready.Status.RenewalTime < ready.Status.NotAfter);

        // Secret lost: re-issued under the same name.
        await h.Apis.Secrets.DeleteAsync(h.Namespace, "web-tls", ct);
        await WaitReadyAsync(h, "web", revision: 2, ct);
        await AssertSecretServesAsync(h, "web-tls", ["web.example.com", "www.example.com"], ct);

        // Names changed: re-issued with the new set.
        var current = await h.Apis.Certificates.GetAsync(h.Namespace, "web", ct);
        current!.Spec.DnsNames = ["web.example.com", "api.example.com"];
        await h.Apis.Certificates.ReplaceAsync(current, ct);
        await WaitReadyAsync(h, "web", revision: 3, ct);
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
        var missing = OperatorEndToEndHarness.MissingReason();
        Skip.If(missing is not null, missing);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        // 30 s certificates: the default renewal point (two thirds of the lifetime) comes after ~20 s.
        await using var h = await OperatorEndToEndHarness.StartAsync(output, new PebbleOptions { CertificateValidityPeriodSeconds = 30 }, ct);
        await h.StartOperatorAsync(ct);
        await h.CreateAcmeIssuerAsync("pebble", ct);
        await h.CreateCertificateAsync("short", "pebble", ["short.example.com"], ct);

        var first = await WaitReadyAsync(h, "short", revision: 1, ct);
        var firstSerial = CertificateInfo.FromPem(await TlsCrtAsync(h, "short-tls", ct)).SerialNumberHex;
        var renewed = await WaitReadyAsync(h, "short", revision: 2, ct);
        var secondSerial = CertificateInfo.FromPem(await TlsCrtAsync(h, "short-tls", ct)).SerialNumberHex;
        Assert.NotEqual(firstSerial, secondSerial);
        Assert.True(renewed.Status!.NotAfter > first.Status!.NotAfter);
    }

    private static Task<Certificate> WaitReadyAsync(OperatorEndToEndHarness h, string name, int revision, CancellationToken ct) =>
        h.WaitForAsync(
            c => h.Apis.Certificates.GetAsync(h.Namespace, name, c),
            c => c.Status?.Revision >= revision && ConditionSet.IsTrue(c.Status.Conditions, ConditionTypes.Ready),
            Patience, $"Certificate {name} Ready at revision {revision}", ct);

    private static async Task<string> TlsCrtAsync(OperatorEndToEndHarness h, string secretName, CancellationToken ct)
    {
        var secret = await h.Apis.Secrets.GetAsync(h.Namespace, secretName, ct);
        return System.Text.Encoding.UTF8.GetString(secret!.Data["tls.crt"]);
    }

    private static async Task<k8s.Models.V1Secret> AssertSecretServesAsync(OperatorEndToEndHarness h, string secretName, string[] names, CancellationToken ct)
    {
        var secret = await h.Apis.Secrets.GetAsync(h.Namespace, secretName, ct);
        Assert.NotNull(secret);
        Assert.Equal("kubernetes.io/tls", secret.Type);
        var chain = PemCodec.DecodeCertificates(System.Text.Encoding.UTF8.GetString(secret.Data["tls.crt"]));
        using var key = PemCodec.DecodePrivateKey(System.Text.Encoding.UTF8.GetString(secret.Data["tls.key"]));
        Assert.True(key.PublicKeyMatches(chain[0]), "tls.key does not match tls.crt");
        Assert.Equal(names.Order(StringComparer.Ordinal), CertificateInfo.FromCertificate(chain[0]).SubjectAltNames.DnsNames.Order(StringComparer.Ordinal));
        Assert.True(secret.Data.ContainsKey("ca.crt"));
        var verdict = ChainVerifier.Verify(chain[0], chain.Skip(1), [await h.Pebble.GetRootAsync(0, ct)]);
        Assert.True(verdict.Ok, verdict.Error);
        return secret;
    }
}
