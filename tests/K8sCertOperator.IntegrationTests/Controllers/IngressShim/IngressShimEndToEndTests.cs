using K8sCertOperator.Api;
using K8sCertOperator.IntegrationTests.Controllers.Shims;
using K8sCertOperator.IntegrationTests.Harness;
using Xunit.Abstractions;

namespace K8sCertOperator.IntegrationTests.Controllers.IngressShim;

/// <summary>The composed operator: an annotated Ingress becomes a Certificate and a Ready TLS Secret from real Pebble.</summary>
public sealed class IngressShimEndToEndTests(ITestOutputHelper output)
{
    [SkippableFact]
    public async Task AnnotatedIngressEndsWithAReadySecretFromPebble()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = cts.Token;
        await using var h = await OperatorHarness.StartAsync(output, OperatorHarnessOptions.EndToEnd, ct);
        await h.StartOperatorAsync(ct);
        await h.CreateAcmeIssuerAsync("pebble", ct);

        var ingress = await h.Apis.Ingresses.CreateAsync(ShimHarness.NewIngress(h.Namespace, "storefront",
            new Dictionary<string, string>
            {
                [AnnotationKeys.IngressIssuer] = "pebble",
                [AnnotationKeys.IngressPrivateKeyAlgorithm] = PrivateKeyAlgorithms.Ecdsa,
            },
            [("storefront-tls", ["store.example.com", "www.store.example.com"])]), ct);

        var ready = await h.WaitCertificateReadyAsync("storefront-tls", 1, TimeSpan.FromSeconds(120), ct);
        Assert.Equal(ingress.Metadata.Uid, Assert.Single(ready.Metadata.OwnerReferences).Uid);

        await h.AssertSecretServesAsync("storefront-tls", ["store.example.com", "www.store.example.com"], ct);

        // The Ingress goes: its Certificate goes with it.
        await h.Apis.Ingresses.DeleteAsync(h.Namespace, "storefront", ct);
        await h.WaitForAsync(
            async c => await h.Apis.Certificates.GetAsync(h.Namespace, "storefront-tls", c) is null ? "gone" : null,
            _ => true, TimeSpan.FromSeconds(60), "Certificate storefront-tls deleted", ct);
    }
}
