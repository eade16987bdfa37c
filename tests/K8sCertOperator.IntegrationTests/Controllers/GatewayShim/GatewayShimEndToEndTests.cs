using k8s.Models;
using K8sCertOperator.Api;
using K8sCertOperator.Api.GatewayApi;
using K8sCertOperator.IntegrationTests.Fixtures.GatewayApi;
using K8sCertOperator.IntegrationTests.Harness;
using K8sCertOperator.Solvers.Http01;
using Xunit.Abstractions;
using static K8sCertOperator.IntegrationTests.Controllers.Shims.ShimHarness;

namespace K8sCertOperator.IntegrationTests.Controllers.GatewayShim;

/// <summary>
/// The composed operator with the Gateway API CRDs installed before it starts: an annotated Gateway ends with a Ready
/// TLS Secret (SelfSigned; ACME from Pebble with HTTP-01 through temporary HTTPRoutes on that Gateway; a wildcard
/// listener through DNS-01 on bind9).
/// </summary>
public sealed class GatewayShimEndToEndTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [SkippableFact]
    public async Task TwoListenersSharingASecretGetOneReadySelfSignedCertificate()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var h = await StartAsync(OperatorHarnessOptions.EndToEnd, ct);
        await h.Apis.Issuers.CreateAsync(new Issuer
        {
            Metadata = new V1ObjectMeta { Name = "self", NamespaceProperty = h.Namespace },
            Spec = new IssuerSpec { SelfSigned = new SelfSignedIssuer() },
        }, ct);

        await h.Apis.Gateways.CreateAsync(NewGateway(h.Namespace, "edge", new Dictionary<string, string> { [AnnotationKeys.IngressIssuer] = "self" },
            HttpsListener("shop", "shop.example.com", "edge-tls"), HttpsListener("www", "www.shop.example.com", "edge-tls")), ct);

        var ready = await h.WaitCertificateReadyAsync("edge-tls", 1, Patience, ct);
        Assert.Equal(["shop.example.com", "www.shop.example.com"], ready.Spec.DnsNames);
        var leaf = await h.IssuedCertificateAsync("edge-tls", ct);
        Assert.Equal(["shop.example.com", "www.shop.example.com"], leaf.SubjectAltNames.DnsNames.Order(StringComparer.Ordinal));
        Assert.Single((await h.Apis.Certificates.ListAsync(h.Namespace, null, ct)).Items);
    }

    [SkippableFact]
    public async Task TwoListenersSharingASecretGetOneReadyCertificateFromPebbleThroughTemporaryHttpRoutes()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var h = await StartAsync(OperatorHarnessOptions.EndToEnd, ct);
        await using var recorder = await GatewayPieceRecorder.StartAsync(h.Apis, ct);
        // HTTP-01 through the Gateway itself: one temporary HTTPRoute per pending challenge, attached to "edge".
        await h.CreateAcmeIssuerAsync("pebble", ChallengeSolvers.Http01GatewayRoute(new ParentReference { Name = "edge" }), ct);

        await h.Apis.Gateways.CreateAsync(NewGateway(h.Namespace, "edge", new Dictionary<string, string> { [AnnotationKeys.IngressIssuer] = "pebble" },
            HttpsListener("api", "api.example.com", "api-tls"), HttpsListener("v2", "v2.api.example.com", "api-tls")), ct);

        var ready = await h.WaitCertificateReadyAsync("api-tls", 1, Patience, ct);
        Assert.Equal(["api.example.com", "v2.api.example.com"], ready.Spec.DnsNames);
        await h.AssertSecretServesAsync("api-tls", ["api.example.com", "v2.api.example.com"], ct);
        Assert.Single((await h.Apis.Certificates.ListAsync(h.Namespace, null, ct)).Items);

        var routes = GatewayPieceRecorder.In(recorder.Routes, h.Namespace);
        Assert.Equal(["api.example.com", "v2.api.example.com"], routes.SelectMany(r => r.Spec.Hostnames ?? []).Order(StringComparer.Ordinal));
        Assert.All(routes, route =>
        {
            var parent = Assert.Single(route.Spec.ParentRefs!);
            Assert.Equal(("Gateway", "edge"), (parent.Kind ?? "Gateway", parent.Name));
            var rule = Assert.Single(route.Spec.Rules!);
            var path = Assert.Single(rule.Matches!).Path!;
            Assert.Equal("Exact", path.Type);
            Assert.StartsWith(Http01Responder.PathPrefix, path.Value, StringComparison.Ordinal);
            Assert.Equal(h.Options.Http01ServiceName, Assert.Single(rule.BackendRefs!).Name);
        });
        await h.WaitForAsync(c => GatewaySolverLeftovers.DescribeAsync(h.Apis, [h.Namespace], c), none => none.Length == 0,
            Patience, "no solver HTTPRoute or ReferenceGrant left after issuance", ct);
    }

    [SkippableFact]
    public async Task WildcardListenerIsIssuedThroughDns01OnBind9()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = cts.Token;
        await using var h = await StartAsync(OperatorHarnessOptions.SolversWithBind9, ct);
        await h.CreateDns01IssuerAsync("bind", ct);

        await h.Apis.Gateways.CreateAsync(NewGateway(h.Namespace, "wild", new Dictionary<string, string> { [AnnotationKeys.IngressIssuer] = "bind" },
            HttpsListener("any", "*.gw.example.com", "wild-tls")), ct);

        var ready = await h.WaitCertificateReadyAsync("wild-tls", 1, Patience, ct);
        Assert.Equal(["*.gw.example.com"], ready.Spec.DnsNames);
        await h.AssertSecretServesAsync("wild-tls", ["*.gw.example.com"], ct);
    }

    // The Gateway API CRDs go in before the operator starts: it discovers them once, at start-up.
    private async Task<OperatorHarness> StartAsync(OperatorHarnessOptions options, CancellationToken ct)
    {
        var h = await OperatorHarness.StartAsync(output, options, ct);
        try
        {
            await GatewayApiCrds.InstallMissingAsync(h.Env, ct);
            await h.StartOperatorAsync(ct);
            Assert.NotNull(h.Host!.Context.Informers.Gateways);
            return h;
        }
        catch
        {
            await h.DisposeAsync();
            throw;
        }
    }
}
